namespace LearningNetwork.ArchitectureTests;

/// <summary>The repository's files, as the architecture tests read them.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "LearningNetwork.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (LearningNetwork.sln) was not found.");
    });

    public static string Root() => RootFolder.Value;

    /// <summary>A file of the repository, not a build output.</summary>
    public static bool IsSource(string path) =>
        !Path.GetRelativePath(Root(), path).Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin" or ".git" or "node_modules");

    public static string Relative(string path) => Path.GetRelativePath(Root(), path);
}
