using LearningNetwork.BuildingBlocks.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LearningNetwork.BuildingBlocks.Hosting;

/// <summary>Ready means: the database answers and every module's schema is at the code's migration.</summary>
internal sealed class DatabaseReadyCheck(DatabaseMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var behind = await migrator.SchemasWithPendingMigrationsAsync(cancellationToken);
            return behind.Count == 0
                ? HealthCheckResult.Healthy("Database reachable, migrations applied.")
                : HealthCheckResult.Unhealthy($"Pending migrations in: {string.Join(", ", behind)}.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Database unreachable.", ex);
        }
    }
}
