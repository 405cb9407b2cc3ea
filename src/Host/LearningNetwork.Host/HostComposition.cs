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
using LearningNetwork.Host.Telemetry;
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
        ProductionSettings.Check(configuration, builder.Environment);

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
        builder.AddTransportSecurity();
        builder.AddTelemetry();

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
        app.UseTransportSecurity();
        app.UseSecurityHeaders();
        app.UseBuildingBlocks();
        app.UseUiErrorPages();
        // Routing after the error pages, so that an error page shown in place of another is routed anew.
        app.UseRouting();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseUiCulture();
        app.UseAuditTrail();
        app.UseCookieRequestForgeryProtection();
        // An address no endpoint answers is "not found" for everyone, strangers too: the fallback
        // authorization policy would otherwise turn it into a sign-in prompt.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseAuthorization();
        app.UseRateLimiter();

        MapApiReference(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapTelemetry();
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

    /// <summary>
    /// In Development the OpenAPI document and its browsable reference are open to everyone.
    /// Elsewhere the document is for signed-in staff (it maps every endpoint of the attack
    /// surface) and the reference page is not served: docs/api.md is the guide.
    /// </summary>
    private static void MapApiReference(WebApplication app)
    {
        var document = app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            document.AllowAnonymous();
            app.MapScalarApiReference().AllowAnonymous();
        }
        else
        {
            document.RequireAuthorization(LearningNetwork.BuildingBlocks.Security.Policies.Staff);
        }
    }
}
