namespace LearningNetwork.Testing;

/// <summary>The repository the tests run from (the folder of LearningNetwork.sln), for scripts and sources.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LearningNetwork.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No LearningNetwork.sln above {AppContext.BaseDirectory}.");
    }
}
