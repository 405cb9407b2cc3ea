namespace LearningNetwork.ClusterManagers.Features.Shared;

/// <summary>Search text as a LIKE pattern that matches it literally (a % in a name is just a %).</summary>
internal static class Like
{
    public const string Escape = "\\";

    public static string Contains(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
