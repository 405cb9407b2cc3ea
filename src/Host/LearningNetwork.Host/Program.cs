using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddLearningNetwork();
var app = builder.Build();
app.UseLearningNetwork();

// `LearningNetwork.Host migrate`: the production way to migrate, then exit.
if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    return 0;
}

await app.RunAsync();
return 0;

/// <summary>Public so integration tests can start the real host with WebApplicationFactory.</summary>
public partial class Program;
