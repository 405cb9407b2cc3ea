using System.Text.Json.Serialization;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LearningNetwork.BuildingBlocks.Http;

public static class BuildingBlocksRegistration
{
    /// <summary>What every module relies on: clock, caller, JSON conventions, one failure mapping.</summary>
    public static IServiceCollection AddBuildingBlocks(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.TryAddScoped<ICurrentUser, HttpCurrentUser>();
        services.TryAddSingleton<LoopbackCallerSecret>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ChallengeAnonymousResultHandler>();
        services.TryAddSingleton<DatabaseMigrator>();
        services.TryAddSingleton<PersonalDataScrubber>();

        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            // A misspelt field is a mistake the client wants to hear about, not silently lose.
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });

        // Binding failures (malformed JSON, a bad route value) reach the exception handler as
        // BadHttpRequestException and come back as problem details instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Every problem document speaks the caller's language (see ApiLanguage, Messages).
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => Localization.Messages.Translate(context.ProblemDetails, context.HttpContext));
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        return services;
    }

    public static IApplicationBuilder UseBuildingBlocks(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
