using LearningNetwork.BuildingBlocks.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningNetwork.BuildingBlocks.Hosting;

/// <summary>
/// Runs before the server takes requests (hosted services start in registration order, and this
/// one is registered first): migrations if Database:MigrateOnStartup, then modules' start-up
/// tasks, then demo data if Seed:DemoData.
/// </summary>
internal sealed class StartupTasksRunner(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger<StartupTasksRunner> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Database:MigrateOnStartup", environment.IsDevelopment()))
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }

        await using var scope = services.CreateAsyncScope();
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(cancellationToken);
        }

        if (configuration.GetValue("Seed:DemoData", false))
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(cancellationToken);
            }

            logger.LogInformation("Demo data is in place");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
