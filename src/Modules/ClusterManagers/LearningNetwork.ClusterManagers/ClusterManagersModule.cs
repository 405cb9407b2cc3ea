using LearningNetwork.BuildingBlocks.Hosting;
using LearningNetwork.BuildingBlocks.Mediation;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.ClusterManagers.Features.DeactivateManager;
using LearningNetwork.ClusterManagers.Features.DemoData;
using LearningNetwork.ClusterManagers.Features.GetCluster;
using LearningNetwork.ClusterManagers.Features.GetClusterHistory;
using LearningNetwork.ClusterManagers.Features.GetManager;
using LearningNetwork.ClusterManagers.Features.GetMyPreferences;
using LearningNetwork.ClusterManagers.Features.ImportManagers;
using LearningNetwork.ClusterManagers.Features.ListClusters;
using LearningNetwork.ClusterManagers.Features.ListManagers;
using LearningNetwork.ClusterManagers.Features.ResendInvitation;
using LearningNetwork.ClusterManagers.Features.SaveCluster;
using LearningNetwork.ClusterManagers.Features.SaveManager;
using LearningNetwork.ClusterManagers.Features.SaveMyPreferences;
using LearningNetwork.ClusterManagers.Features.UnsubscribeFromAnnouncements;
using LearningNetwork.ClusterManagers.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.ClusterManagers;

/// <summary>The directory: clusters, their managers, and the CSV import that fills it.</summary>
public static class ClusterManagersModule
{
    public static IServiceCollection AddClusterManagersModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<ClusterManagersDbContext>(configuration, ClusterManagersDbContext.SchemaName);
        services.AddMediatorHandlersFrom(typeof(ClusterManagersModule).Assembly);
        services.AddScoped<IDemoDataSeeder, DirectoryDemoData>();
        return services;
    }

    public static IEndpointRouteBuilder MapClusterManagersEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Clusters and cluster managers");
        SaveClusterEndpoint.Map(api);
        ListClustersEndpoint.Map(api);
        GetClusterEndpoint.Map(api);
        GetClusterHistoryEndpoint.Map(api);
        ImportManagersEndpoint.Map(api);
        SaveManagerEndpoint.Map(api);
        ListManagersEndpoint.Map(api);
        GetManagerEndpoint.Map(api);
        DeactivateManagerEndpoint.Map(api);
        ResendInvitationEndpoint.Map(api);
        GetMyPreferencesEndpoint.Map(api);
        SaveMyPreferencesEndpoint.Map(api);
        UnsubscribeFromAnnouncementsEndpoint.Map(api);
        return app;
    }
}
