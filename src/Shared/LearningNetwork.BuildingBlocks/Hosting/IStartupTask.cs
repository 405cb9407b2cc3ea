namespace LearningNetwork.BuildingBlocks.Hosting;

/// <summary>
/// Work a module needs done once at start-up, after migrations and before requests are served
/// (e.g. the bootstrap staff account, demo data). Runs on every host: it must be safe to repeat.
/// </summary>
public interface IStartupTask
{
    /// <summary>Lower runs first: accounts before the data that refers to them.</summary>
    int Order { get; }

    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>Adds demo data on an empty database when Seed:DemoData is true; each module seeds its own tables.</summary>
public interface IDemoDataSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
