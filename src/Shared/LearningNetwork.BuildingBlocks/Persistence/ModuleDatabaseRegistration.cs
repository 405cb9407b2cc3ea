using LearningNetwork.BuildingBlocks.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace LearningNetwork.BuildingBlocks.Persistence;

/// <summary>Names one module's DbContext so the host can migrate and health-check every module without knowing them.</summary>
public sealed record ModuleDatabase(Type ContextType, string Schema);

public static class ModuleDatabaseRegistration
{
    public const string ConnectionStringName = "LearningNetwork";

    /// <summary>
    /// Registers a module's DbContext on the shared data source, with its migrations history in
    /// its own schema, snake_case names, and an outbox drained by a background dispatcher.
    /// </summary>
    public static IServiceCollection AddModuleDatabase<TContext>(this IServiceCollection services, IConfiguration configuration, string schema)
        where TContext : DbContext, IModuleDbContext
    {
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(ConnectionString(configuration)));
        services.TryAddSingleton(TimeProvider.System);
        // The options never change, so they are built once rather than once per request scope.
        services.AddDbContext<TContext>(
            (sp, options) => Configure<TContext>(options, sp.GetRequiredService<NpgsqlDataSource>(), schema),
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton(new ModuleDatabase(typeof(TContext), schema));

        services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        services.AddSingleton<OutboxProcessor<TContext>>();
        services.AddHostedService<OutboxDispatcher<TContext>>();
        return services;
    }

    public static DbContextOptionsBuilder Configure<TContext>(DbContextOptionsBuilder options, NpgsqlDataSource dataSource, string schema) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history", schema)
                .MigrationsAssembly(typeof(TContext).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention();

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException($"Connection string '{ConnectionStringName}' is not configured (ConnectionStrings__{ConnectionStringName}).");
}
