using LearningNetwork.BuildingBlocks.Mediation;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.GuidelineDocuments.Features.GetDownloadLog;
using LearningNetwork.GuidelineDocuments.Features.GetGuideline;
using LearningNetwork.GuidelineDocuments.Features.ListGuidelines;
using LearningNetwork.GuidelineDocuments.Features.ListManagerDownloads;
using LearningNetwork.GuidelineDocuments.Features.OpenGuidelineFile;
using LearningNetwork.GuidelineDocuments.Features.PublishGuideline;
using LearningNetwork.GuidelineDocuments.Features.SetSessionMaterials;
using LearningNetwork.GuidelineDocuments.Features.Shared;
using LearningNetwork.GuidelineDocuments.Features.UploadGuideline;
using LearningNetwork.GuidelineDocuments.Features.UploadVersion;
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
        services.AddOptions<GuidelineOptions>().BindConfiguration("Guidelines")
            .Validate(o => o.DownloadLogRetainDays >= 0, "Guidelines:DownloadLogRetainDays must be 0 (keep the download log) or a number of days.")
            .ValidateOnStart();
        services.AddHostedService<DownloadLogHousekeeping>();
        services.AddSingleton<IFileStore, PostgresFileStore>();
        services.AddScoped<UploadedFiles>();
        return services;
    }

    public static IEndpointRouteBuilder MapGuidelineDocumentsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Guideline documents");
        UploadGuidelineEndpoint.Map(api);
        UploadVersionEndpoint.Map(api);
        PublishGuidelineEndpoint.Map(api);
        ListGuidelinesEndpoint.Map(api);
        GetGuidelineEndpoint.Map(api);
        OpenGuidelineFileEndpoint.Map(api);
        GetDownloadLogEndpoint.Map(api);
        ListManagerDownloadsEndpoint.Map(api);
        SetSessionMaterialsEndpoint.Map(api);
        return app;
    }
}
