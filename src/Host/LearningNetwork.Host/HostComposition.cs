using LearningNetwork.Accounts;
using LearningNetwork.BuildingBlocks.Hosting;
using LearningNetwork.BuildingBlocks.Http;
using LearningNetwork.ClusterManagers;
using LearningNetwork.Enrollments;
using LearningNetwork.GuidelineDocuments;
using LearningNetwork.FundingCalls;
using LearningNetwork.LearningNetworks;
using LearningNetwork.Reports;
using LearningNetwork.Notifications;
using LearningNetwork.Sessions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using LearningNetwork.Host.Audit;
using LearningNetwork.Host.Privacy;
using LearningNetwork.Host.Reports;
using LearningNetwork.Host.Security;
using LearningNetwork.Host.Ui;
using Scalar.AspNetCore;

namespace LearningNetwork.Host;

/// <summary>The module registry: the one place that knows every module (docs/decisions/0001-modular-monolith-with-a-schema-per-module.md).</summary>
internal static class HostComposition
{
    public static WebApplicationBuilder AddLearningNetwork(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        if (!builder.Environment.IsDevelopment() || configuration.GetValue("Logging:Json", false))
        {
            // One JSON object per line: what log collectors want in production.
            builder.Logging.ClearProviders().AddJsonConsole(options => options.IncludeScopes = true);
        }

        services.AddStartupTasks();
        services.AddBuildingBlocks();
        services.AddBackgroundJobs(configuration);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await TypedResults.Problem(title: "Too many requests", detail: "Wait a minute before trying again.", statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext);
            };
        });
        services.AddOpenApi();

        services.AddAccountsModule(configuration);
        services.AddClusterManagersModule(configuration);
        services.AddSessionsModule(configuration);
        services.AddEnrollmentsModule(configuration);
        services.AddGuidelineDocumentsModule(configuration);
        services.AddNotificationsModule(configuration);
        services.AddLearningNetworksModule(configuration);
        services.AddReportsModule(configuration);
        services.AddFundingCallsModule(configuration);
        services.AddWebUi(configuration);
        return builder;
    }

    public static WebApplication UseLearningNetwork(this WebApplication app)
    {
        app.UseBuildingBlocks();
        app.UseUiErrorPages();
        // Routing after the error pages, so that an error page shown in place of another is routed anew.
        app.UseRouting();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseUiCulture();
        app.UseAuditTrail();
        app.UseCookieRequestForgeryProtection();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapBackgroundJobsDashboard();
        app.MapAccountsEndpoints();
        app.MapClusterManagersEndpoints();
        app.MapSessionsEndpoints();
        app.MapEnrollmentsEndpoints();
        app.MapGuidelineDocumentsEndpoints();
        app.MapNotificationsEndpoints();
        app.MapLearningNetworksEndpoints();
        app.MapReportsModuleEndpoints();
        app.MapFundingCallsEndpoints();
        app.MapReportsEndpoints();
        app.MapPersonalDataEndpoints();
        app.MapWebUi();
        return app;
    }
}
