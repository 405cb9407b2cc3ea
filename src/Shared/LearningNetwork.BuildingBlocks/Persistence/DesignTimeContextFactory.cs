using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LearningNetwork.BuildingBlocks.Persistence;

/// <summary>
/// What dotnet-ef uses to build a module's context when adding a migration: no host, no database
/// needed. Each module derives one line from it.
/// </summary>
public abstract class DesignTimeContextFactory<TContext>
    where TContext : DbContext, IModuleDbContext
{
    protected abstract string Schema { get; }

    protected abstract TContext Create(DbContextOptions<TContext> options);

    public TContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__LearningNetwork")
            ?? "Host=127.0.0.1;Port=5433;Database=learningnetwork;Username=postgres";
        var builder = new DbContextOptionsBuilder<TContext>();
        ModuleDatabaseRegistration.Configure<TContext>(builder, NpgsqlDataSource.Create(connectionString), Schema, TimeProvider.System);
        return Create(builder.Options);
    }
}
