using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.BuildingBlocks.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LearningNetwork.BuildingBlocks.Hosting;

/// <summary>
/// Hangfire on PostgreSQL (schema "hangfire"), wired through DI only: no static JobStorage.Current,
/// so several hosts in one process (the tests) each keep their own storage. Jobs are enqueued
/// through the injected IBackgroundJobClient. Hangfire:WorkerCount = 0 makes an HTTP-only instance.
/// </summary>
public static class BackgroundJobs
{
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<JobStorage>(_ =>
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                // Workers wait for PostgreSQL's NOTIFY of a new job instead of asking every poll
                // interval: an idle host stops spending CPU (and queries) on empty queues, and an
                // enqueued job starts at once. The poll interval stays as the fallback, so it
                // can be long: each worker's poll is four statements (DISCARD ALL, BEGIN, UPDATE,
                // COMMIT), and workers asking every second were much of an idle host's queries
                // (docs/performance.md, "Background work on an idle host").
                QueuePollInterval = TimeSpan.FromSeconds(configuration.GetValue("Hangfire:QueuePollSeconds", 5.0)),
                EnableLongPolling = configuration.GetValue("Hangfire:LongPolling", true),
                InvisibilityTimeout = TimeSpan.FromMinutes(30),
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(ModuleDatabaseRegistration.ConnectionString(configuration), options), options);
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        // The rest of Hangfire's services (the dashboard needs them); our storage, activator and
        // client above are registered first, so Hangfire's own (static) ones are never used.
        services.AddHangfire((_, _) => { });
        services.AddMetrics();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<LearningNetwork.BuildingBlocks.Telemetry.IMetricsSource, BackgroundJobFigures>());

        var workers = configuration.GetValue("Hangfire:WorkerCount", 5);
        if (workers > 0)
        {
            services.AddHangfireServer(sp => new BackgroundJobServer(
                new BackgroundJobServerOptions
                {
                    WorkerCount = workers,
                    // Reminders must leave within a minute of their due time: look for due jobs often.
                    SchedulePollingInterval = TimeSpan.FromSeconds(configuration.GetValue("Hangfire:SchedulePollSeconds", 5.0)),
                    Activator = sp.GetRequiredService<JobActivator>(),
                    // Hangfire's own filters (retries, state) as usual, and a span per job run.
                    FilterProvider = new JobFilterProviderCollection(JobFilterProviders.Providers, new JobFilterCollection { new TracedJobs() }),
                },
                sp.GetRequiredService<JobStorage>()));
        }

        return services;
    }

    /// <summary>The dashboard at /hangfire, for staff only (cookie sign-in in a browser).</summary>
    public static IEndpointRouteBuilder MapBackgroundJobsDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Staff, "/hangfire", new DashboardOptions { DashboardTitle = "LearningNetwork jobs" },
            app.ServiceProvider.GetRequiredService<JobStorage>());
        return app;
    }
}
