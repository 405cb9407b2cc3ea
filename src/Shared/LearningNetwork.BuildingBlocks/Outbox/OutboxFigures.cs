using System.Diagnostics.Metrics;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.BuildingBlocks.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LearningNetwork.BuildingBlocks.Outbox;

/// <summary>
/// Every module's outbox backlog as metrics, labelled by module (its schema): messages not yet
/// published, the age of the oldest of them (the outbox's lag: how late the reactions to what
/// happened are, emails included), and parked messages (given up on after too many failures).
/// One statement for all modules, read from the database, so each instance reports the whole
/// installation's backlog, and at most once per <see cref="Metering.DatabaseFiguresMaxAge"/>.
/// </summary>
internal sealed class OutboxFigures : IMetricsSource
{
    private readonly CachedFigures<IReadOnlyList<Backlog>> _figures;

    public OutboxFigures(IMeterFactory meters, NpgsqlDataSource dataSource, IEnumerable<ModuleDatabase> modules, IConfiguration configuration, TimeProvider clock, ILogger<OutboxFigures> logger)
    {
        // The schemas come from the modules' registrations, never from input.
        var sql = string.Join("\nUNION ALL\n", modules.Select(m => m.Schema).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(schema => $"""
            SELECT '{schema}',
                (SELECT count(*) FROM "{schema}".outbox_messages WHERE {OutboxMessageConfiguration.Pending}),
                (SELECT min(occurred_at) FROM "{schema}".outbox_messages WHERE {OutboxMessageConfiguration.Pending}),
                (SELECT count(*) FROM "{schema}".outbox_messages WHERE failed_at IS NOT NULL)
            """));
        _figures = new CachedFigures<IReadOnlyList<Backlog>>(now => Read(dataSource, sql, now), Metering.DatabaseFiguresMaxAge(configuration), clock, logger);

        var meter = meters.Create(Metering.MeterPrefix + "Outbox");
        meter.CreateObservableGauge("learningnetwork.outbox.pending",
            () => Each(b => b.Pending), unit: "{message}", description: "Outbox messages not yet published, per module.");
        meter.CreateObservableGauge("learningnetwork.outbox.oldest_pending",
            () => Each(b => b.OldestPendingSeconds), unit: "s", description: "Age of the oldest outbox message not yet published, per module (0 when none): how far behind the module's reactions are.");
        meter.CreateObservableGauge("learningnetwork.outbox.parked",
            () => Each(b => b.Parked), unit: "{message}", description: "Outbox messages given up on after too many failed attempts, per module.");
    }

    private IEnumerable<Measurement<T>> Each<T>(Func<Backlog, T> figure)
        where T : struct =>
        (_figures.Current ?? []).Select(b => new Measurement<T>(figure(b), new KeyValuePair<string, object?>("module", b.Module)));

    private static List<Backlog> Read(NpgsqlDataSource dataSource, string sql, DateTimeOffset now)
    {
        using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 5;
        using var reader = command.ExecuteReader();
        var backlogs = new List<Backlog>();
        while (reader.Read())
        {
            var oldest = reader.IsDBNull(2) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(2);
            backlogs.Add(new Backlog(
                reader.GetString(0),
                reader.GetInt64(1),
                oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0,
                reader.GetInt64(3)));
        }

        return backlogs;
    }

    private sealed record Backlog(string Module, long Pending, double OldestPendingSeconds, long Parked);
}
