using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.ClusterManagers.Domain;

namespace LearningNetwork.ClusterManagers.Features.Shared;

internal sealed record ClusterResponse(
    Guid Id, string Name, ClusterType Type, string? Domain, DateOnly? FundingStart, DateOnly? FundingEnd,
    int? MemberCompanies, PostFundingPlan PostFundingPlan, int ActiveManagers, FundingStatus FundingStatus)
{
    /// <param name="now">Today decides the funding status shown (Funded, PostFunding or None).</param>
    public static ClusterResponse From(Cluster c, int activeManagers, DateTimeOffset now) =>
        new(c.Id, c.Name, c.Type, c.Domain, c.FundingStart, c.FundingEnd, c.MemberCompanies, c.PostFundingPlan, activeManagers,
            new ClusterSummary(c.Id, c.Name, c.Type.ToString(), c.FundingStart, c.FundingEnd).StatusOn(DateOnly.FromDateTime(now.UtcDateTime)));
}
