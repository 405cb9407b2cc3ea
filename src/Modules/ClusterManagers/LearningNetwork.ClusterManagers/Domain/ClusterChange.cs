using System.Globalization;

namespace LearningNetwork.ClusterManagers.Domain;

/// <summary>
/// One change of a cluster's type, funding dates or post-funding plan: who, when, the old and the
/// new value. Kept forever, so the agency can tell when a network moved from funded to post-funding.
/// </summary>
internal sealed class ClusterChange
{
    public Guid Id { get; set; }

    public Guid ClusterId { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ActorId { get; set; }

    /// <summary>type, fundingStart, fundingEnd or postFundingPlan: the API's field names.</summary>
    public string Field { get; set; } = "";

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    /// <summary>The changes between a cluster's details before and after an edit (the fields the history keeps).</summary>
    public static IEnumerable<ClusterChange> Between(Cluster before, ClusterDetails after, Guid clusterId, Guid? actorId, DateTimeOffset at)
    {
        (string Field, string? Old, string? New)[] fields =
        [
            ("type", before.Type.ToString(), after.Type.ToString()),
            ("fundingStart", Date(before.FundingStart), Date(after.FundingStart)),
            ("fundingEnd", Date(before.FundingEnd), Date(after.FundingEnd)),
            ("postFundingPlan", before.PostFundingPlan.ToString(), after.PostFundingPlan.ToString()),
        ];
        return fields.Where(f => f.Old != f.New)
            .Select(f => new ClusterChange { Id = Guid.CreateVersion7(at), ClusterId = clusterId, At = at, ActorId = actorId, Field = f.Field, OldValue = f.Old, NewValue = f.New });
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
