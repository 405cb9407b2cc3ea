using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.BuildingBlocks.Hosting;

public static class HostingRegistration
{
    /// <summary>Call before any module registration so start-up tasks run before the modules' background services.</summary>
    public static IServiceCollection AddStartupTasks(this IServiceCollection services)
    {
        services.AddHostedService<StartupTasksRunner>();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return services;
    }
}
