using LearningNetwork.ClusterManagers.Domain;

namespace LearningNetwork.ClusterManagers.Features.Shared;

internal sealed record ClusterResponse(
    Guid Id, string Name, ClusterType Type, string? Domain, DateOnly? FundingStart, DateOnly? FundingEnd,
    int? MemberCompanies, PostFundingPlan PostFundingPlan, int ActiveManagers)
{
    public static ClusterResponse From(Cluster c, int activeManagers) =>
        new(c.Id, c.Name, c.Type, c.Domain, c.FundingStart, c.FundingEnd, c.MemberCompanies, c.PostFundingPlan, activeManagers);
}
