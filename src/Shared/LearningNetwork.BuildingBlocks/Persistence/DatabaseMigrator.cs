using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LearningNetwork.BuildingBlocks.Persistence;

/// <summary>Applies every module's pending migrations, one host at a time.</summary>
public sealed class DatabaseMigrator(IServiceProvider services, IEnumerable<ModuleDatabase> modules, NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    // Any constant shared by all hosts: several hosts starting together take turns instead of racing.
    private const long MigrationLockKey = 0x4C4E_4D49_4752; // "LNMIGR"

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_lock({MigrationLockKey})"), lockConnection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            foreach (var module in modules)
            {
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
                // Create the history table up front: on a fresh database EF would otherwise log a failed
                // query against it at Error level, which reads like a fault to whoever starts the system.
                var history = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>();
                await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
                // MigrateAsync creates the history table itself on a fresh database; asking for pending
                // migrations first would log a failed query there.
                await db.Database.MigrateAsync(cancellationToken);
                logger.LogInformation("Schema {Schema} is at migration {Migration}", module.Schema, db.Database.GetMigrations().LastOrDefault());
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_unlock({MigrationLockKey})"), lockConnection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>The modules whose schema is behind the code: readiness is false while any is.</summary>
    public async Task<IReadOnlyList<string>> SchemasWithPendingMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var behind = new List<string>();
        foreach (var module in modules)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                behind.Add(module.Schema);
            }
        }

        return behind;
    }
}
