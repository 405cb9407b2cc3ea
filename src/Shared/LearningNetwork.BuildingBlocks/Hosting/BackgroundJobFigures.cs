using System.Diagnostics.Metrics;
using Hangfire;
using LearningNetwork.BuildingBlocks.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LearningNetwork.BuildingBlocks.Hosting;

/// <summary>
/// Hangfire's figures (reminder, follow-up and notice jobs) as metrics: jobs per state and the
/// servers alive, from Hangfire's own statistics in the shared database, so every instance
/// reports the same; read at most once per <see cref="Metering.DatabaseFiguresMaxAge"/>.
/// A failed job is a reminder round that did not run.
/// </summary>
internal sealed class BackgroundJobFigures : IMetricsSource
{
    private readonly CachedFigures<Hangfire.Storage.Monitoring.StatisticsDto> _figures;

    public BackgroundJobFigures(IMeterFactory meters, JobStorage storage, IConfiguration configuration, TimeProvider clock, ILogger<BackgroundJobFigures> logger)
    {
        _figures = new CachedFigures<Hangfire.Storage.Monitoring.StatisticsDto>(
            _ => storage.GetMonitoringApi().GetStatistics(), Metering.DatabaseFiguresMaxAge(configuration), clock, logger);
        var meter = meters.Create(Metering.MeterPrefix + "BackgroundJobs");
        meter.CreateObservableGauge("learningnetwork.hangfire.jobs", Jobs, unit: "{job}",
            description: "Background jobs per state (enqueued, scheduled, processing, failed).");
        meter.CreateObservableGauge("learningnetwork.hangfire.servers", Servers, unit: "{server}",
            description: "Hangfire servers alive (instances with workers); 0 means no reminders are being run.");
    }

    private IEnumerable<Measurement<long>> Jobs()
    {
        if (_figures.Current is not { } figures)
        {
            yield break;
        }

        yield return State(figures.Enqueued, "enqueued");
        yield return State(figures.Scheduled, "scheduled");
        yield return State(figures.Processing, "processing");
        yield return State(figures.Failed, "failed");
    }

    private IEnumerable<Measurement<long>> Servers()
    {
        if (_figures.Current is { } figures)
        {
            yield return new Measurement<long>(figures.Servers);
        }
    }

    private static Measurement<long> State(long count, string state) => new(count, new KeyValuePair<string, object?>("state", state));
}
