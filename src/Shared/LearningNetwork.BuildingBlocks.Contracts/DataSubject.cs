namespace LearningNetwork.BuildingBlocks.Contracts;

/// <summary>
/// The person a personal-data export or erasure is about: their directory entry's id and what
/// identifies them (GDPR articles 15 and 17). Each module answers for the copies it keeps.
/// </summary>
public sealed record DataSubject(Guid ClusterManagerId, string Email, string FullName, string? Phone)
{
    /// <summary>The values an erasure removes from free text and stored payloads.</summary>
    public IReadOnlyList<string> IdentifyingValues =>
        new[] { Email, FullName, Phone }.Where(v => !string.IsNullOrWhiteSpace(v) && v.Trim().Length >= 3).Select(v => v!.Trim()).Distinct().ToList();
}
