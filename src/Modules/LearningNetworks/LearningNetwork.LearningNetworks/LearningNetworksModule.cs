using LearningNetwork.BuildingBlocks.Hosting;
using LearningNetwork.BuildingBlocks.Mediation;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.LearningNetworks.Features.AddMembers;
using LearningNetwork.LearningNetworks.Features.CreateLearningNetwork;
using LearningNetwork.LearningNetworks.Features.DemoData;
using LearningNetwork.LearningNetworks.Features.EditLearningNetwork;
using LearningNetwork.LearningNetworks.Features.JoinLearningNetwork;
using LearningNetwork.LearningNetworks.Features.LeaveLearningNetwork;
using LearningNetwork.LearningNetworks.Features.ListLearningNetworks;
using LearningNetwork.LearningNetworks.Features.ListManagerNetworks;
using LearningNetwork.LearningNetworks.Features.ListMembers;
using LearningNetwork.LearningNetworks.Features.NetworkAttendance;
using LearningNetwork.LearningNetworks.Features.NetworkAttendanceCsv;
using LearningNetwork.LearningNetworks.Features.RemoveMember;
using LearningNetwork.LearningNetworks.Features.Shared;
using LearningNetwork.LearningNetworks.Features.ShowLearningNetwork;
using LearningNetwork.LearningNetworks.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.LearningNetworks;

/// <summary>Learning networks: groups of managers meeting in a cycle around a theme, their members, and attendance over the cycle.</summary>
public static class LearningNetworksModule
{
    public static IServiceCollection AddLearningNetworksModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<LearningNetworksDbContext>(configuration, LearningNetworksDbContext.SchemaName);
        services.AddMediatorHandlersFrom(typeof(LearningNetworksModule).Assembly);
        services.AddScoped<NetworkViews>();
        services.AddScoped<Membership>();
        services.AddScoped<IDemoDataSeeder, NetworksDemoData>();
        return services;
    }

    public static IEndpointRouteBuilder MapLearningNetworksEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Learning networks");
        CreateLearningNetworkEndpoint.Map(api);
        EditLearningNetworkEndpoint.Map(api);
        ShowLearningNetworkEndpoint.Map(api);
        ListLearningNetworksEndpoint.Map(api);
        AddMembersEndpoint.Map(api);
        RemoveMemberEndpoint.Map(api);
        ListMembersEndpoint.Map(api);
        ListManagerNetworksEndpoint.Map(api);
        JoinLearningNetworkEndpoint.Map(api);
        LeaveLearningNetworkEndpoint.Map(api);
        NetworkAttendanceEndpoint.Map(api);
        NetworkAttendanceCsvEndpoint.Map(api);
        return app;
    }
}
