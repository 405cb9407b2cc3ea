using LearningNetwork.BuildingBlocks.Mediation;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.GuidelineDocuments.Features;
using LearningNetwork.GuidelineDocuments.Features.Upload;
using LearningNetwork.GuidelineDocuments.Persistence;
using LearningNetwork.GuidelineDocuments.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.GuidelineDocuments;

/// <summary>Funding guidelines: versioned uploads recognised by content, search, safe streamed downloads, session materials.</summary>
public static class GuidelineDocumentsModule
{
    public static IServiceCollection AddGuidelineDocumentsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<GuidelinesDbContext>(configuration, GuidelinesDbContext.SchemaName);
        services.AddMediatorHandlersFrom(typeof(GuidelineDocumentsModule).Assembly);
        services.AddOptions<GuidelineOptions>().BindConfiguration("Guidelines");
        services.AddSingleton<IFileStore, PostgresFileStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapGuidelineDocumentsEndpoints(this IEndpointRouteBuilder app)
    {
        GuidelineEndpoints.Map(app.MapGroup("/api").WithTags("Guideline documents"));
        return app;
    }
}
