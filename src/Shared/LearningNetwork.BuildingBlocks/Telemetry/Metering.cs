using Microsoft.Extensions.Configuration;

namespace LearningNetwork.BuildingBlocks.Telemetry;

/// <summary>
/// The product's own metrics. Each module creates its meter through the host's
/// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> under this prefix (so the host, not the
/// module, decides what is collected and exported), counts what happens on this instance in
/// counters, and answers figures that belong to the whole installation (emails waiting, outbox
/// backlog) from the database, so every instance reports the same, right figure.
/// </summary>
public static class Metering
{
    public const string MeterPrefix = "LearningNetwork.";

    /// <summary>How long figures read from the database are reused: a scrape, or several Prometheus servers, do not query each time.</summary>
    public static TimeSpan DatabaseFiguresMaxAge(IConfiguration configuration) =>
        TimeSpan.FromSeconds(configuration.GetValue("Metrics:DatabaseFiguresSeconds", 15.0));
}

/// <summary>
/// A module's metrics that are read when metrics are collected (observable instruments). The host
/// resolves every one at start when telemetry is on, so that their instruments exist before the
/// first collection.
/// </summary>
public interface IMetricsSource;
