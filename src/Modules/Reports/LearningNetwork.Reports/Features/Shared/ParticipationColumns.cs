namespace LearningNetwork.Reports.Features.Shared;

/// <summary>The exports' column headings, in the rows' order.</summary>
internal static class ParticipationColumns
{
    public static readonly IReadOnlyList<string> Names =
    [
        "Cluster", "Type", "Sessions attended", "Hours attended", "Sessions attended after funding", "Hours attended after funding",
        "Managers attending", "Enrollments", "No-shows", "Average feedback", "Last attended",
    ];

    public static readonly IReadOnlyList<string> TypeNames =
    [
        "Type", "Clusters", "Clusters reached", "Clusters reached after funding", "Hours attended", "Hours attended after funding",
        "Managers attending", "Enrollments", "No-shows",
    ];
}
