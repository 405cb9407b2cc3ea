using System.Diagnostics.Metrics;
using LearningNetwork.BuildingBlocks.Telemetry;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LearningNetwork.Host.Telemetry;

/// <summary>
/// OpenTelemetry for the whole host (docs/decisions/0029-opentelemetry-with-the-trace-carried-in-the-rows.md):
/// traces of ASP.NET Core, HttpClient (the web UI's calls to the API), Npgsql, MediatR requests,
/// outbox messages and email sends; metrics of the runtime, ASP.NET Core, Npgsql and the modules'
/// own meters. Prometheus text at <c>/metrics</c> for the networks in <c>Metrics:AllowedNetworks</c>;
/// OTLP export of both when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the other
/// <c>OTEL_*</c> settings itself). <c>Telemetry:Enabled=false</c> leaves all of it out.
/// </summary>
internal static class HostTelemetry
{
    public const string EnabledSetting = "Telemetry:Enabled";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!IsEnabled(configuration))
        {
            return builder;
        }

        builder.Services.AddSingleton(MetricsAccess.From(configuration));
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service instead (the SDK reads it).
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService("learningnetwork");
                }
            })
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(Tracing.SourceName)
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsScrape(context))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(Metering.MeterPrefix + "*")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
                // Several hosts in one process (the tests) each count only their own instruments.
                ((IDeferredMeterProviderBuilder)metrics).Configure((services, meters) => meters.AddView(OnlyThisHost(services.GetRequiredService<IMeterFactory>())));
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }

    /// <summary>Maps <c>/metrics</c> and creates the modules' observable instruments, when telemetry is on.</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
        {
            return app;
        }

        // Built now, so that their observable instruments exist before the first collection.
        _ = app.Services.GetServices<IMetricsSource>().ToList();

        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: pipeline => pipeline.Use(access.RefuseOthersAsync), optionsName: null)
            .AllowAnonymous();
        return app;
    }

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue(EnabledSetting, true);

    /// <summary>Prometheus's scrapes and the health probes come every few seconds: not worth a trace each.</summary>
    private static bool IsScrape(HttpContext context) =>
        context.Request.Path.StartsWithSegments(MetricsPath) || context.Request.Path.StartsWithSegments("/health");

    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHost(IMeterFactory meterFactory) =>
        instrument => instrument.Meter.Scope is { } scope && !ReferenceEquals(scope, meterFactory) ? MetricStreamConfiguration.Drop : null;
}
