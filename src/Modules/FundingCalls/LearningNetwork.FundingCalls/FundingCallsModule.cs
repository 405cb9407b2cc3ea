using LearningNetwork.BuildingBlocks.Hosting;
using LearningNetwork.BuildingBlocks.Mediation;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.FundingCalls.Features.CreateFundingCall;
using LearningNetwork.FundingCalls.Features.DemoData;
using LearningNetwork.FundingCalls.Features.EditFundingCall;
using LearningNetwork.FundingCalls.Features.ListFundingCalls;
using LearningNetwork.FundingCalls.Features.PublishFundingCall;
using LearningNetwork.FundingCalls.Features.Shared;
using LearningNetwork.FundingCalls.Features.ShowFundingCall;
using LearningNetwork.FundingCalls.Features.WithdrawFundingCall;
using LearningNetwork.FundingCalls.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.FundingCalls;

/// <summary>Funding calls: the instruments clusters may apply to, who is eligible, their deadlines and the guidelines that explain them.</summary>
public static class FundingCallsModule
{
    public static IServiceCollection AddFundingCallsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<FundingCallsDbContext>(configuration, FundingCallsDbContext.SchemaName);
        services.AddMediatorHandlersFrom(typeof(FundingCallsModule).Assembly);
        services.AddScoped<CallViews>();
        services.AddScoped<IDemoDataSeeder, FundingCallsDemoData>();
        return services;
    }

    public static IEndpointRouteBuilder MapFundingCallsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Funding calls");
        CreateFundingCallEndpoint.Map(api);
        EditFundingCallEndpoint.Map(api);
        PublishFundingCallEndpoint.Map(api);
        WithdrawFundingCallEndpoint.Map(api);
        ShowFundingCallEndpoint.Map(api);
        ListFundingCallsEndpoint.Map(api);
        return app;
    }
}
