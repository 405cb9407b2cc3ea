using System.Diagnostics;
using LearningNetwork.BuildingBlocks.Outbox;
using LearningNetwork.BuildingBlocks.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
        services.TryAddSingleton(_ => CreateDataSource(ConnectionString(configuration)));
        services.TryAddSingleton(TimeProvider.System);
        // Pooled: a request borrows a context that is already set up instead of building EF's
        // services for each new one (a large share of the host's CPU in a profile of the session
        // list; see docs/performance.md). A pooled context takes only its options, so the clock
        // travels in them.
        services.AddDbContextPool<TContext>(
            (sp, options) => Configure<TContext>(options, sp.GetRequiredService<NpgsqlDataSource>(), schema, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new ModuleDatabase(typeof(TContext), schema));

        services.AddOptions<OutboxOptions>().BindConfiguration("Outbox").ValidateOnStart();
        // Every module registers through here: the check goes in once, whoever comes first.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidation>());

        services.AddMetrics();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMetricsSource, OutboxFigures>());
        services.AddSingleton<OutboxProcessor<TContext>>();
        services.AddHostedService<OutboxDispatcher<TContext>>();
        return services;
    }

    public static DbContextOptionsBuilder Configure<TContext>(DbContextOptionsBuilder options, NpgsqlDataSource dataSource, string schema, TimeProvider clock)
    {
        options
            .UseNpgsql(dataSource, npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history", schema)
                .MigrationsAssembly(typeof(TContext).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention();
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new ClockOptionsExtension(clock));
        return options;
    }

    /// <summary>
    /// The modules' shared connection pool. No Reset On Close: the application never leaves
    /// session state on a connection (no SET, temporary tables, prepared statements or LISTEN;
    /// the migration lock is released explicitly), so the DISCARD ALL that Npgsql would
    /// otherwise send each time a connection is borrowed again is pure cost: one extra
    /// statement for every module a request touches. Hangfire keeps its own connections.
    /// A statement is traced only inside a trace (a request, an outbox message, an email send, a
    /// job): the background loops' polls, several a second on an idle host, would otherwise each
    /// be a trace of their own.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { NoResetOnClose = true } };
        builder.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => Activity.Current is not null)
            .ConfigureBatchFilter(_ => Activity.Current is not null));
        return builder.Build();
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException($"Connection string '{ConnectionStringName}' is not configured (ConnectionStrings__{ConnectionStringName}).");
}
