using System.Diagnostics.Metrics;
using LearningNetwork.BuildingBlocks.Telemetry;
using LearningNetwork.Notifications.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LearningNetwork.Notifications.Sending;

/// <summary>
/// The send log as metrics. Sent and failed are counters of this instance's sender (Prometheus
/// sums them over instances); what waits is read from the send log, so every instance reports
/// the installation's figure: emails pending per kind, and the age of the oldest email that is
/// due and not yet sent (the figure that says reminders are late). The read is one statement on
/// the sender's partial index, at most once per <see cref="Metering.DatabaseFiguresMaxAge"/>.
/// </summary>
internal sealed class EmailMetrics : IMetricsSource
{
    private static readonly EmailKind[] Kinds = Enum.GetValues<EmailKind>();

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly CachedFigures<Waiting> _waiting;

    public EmailMetrics(IMeterFactory meters, NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider clock, ILogger<EmailMetrics> logger)
    {
        _waiting = new CachedFigures<Waiting>(now => Read(dataSource, now), Metering.DatabaseFiguresMaxAge(configuration), clock, logger);
        var meter = meters.Create(Metering.MeterPrefix + "Notifications");
        _sent = meter.CreateCounter<long>("learningnetwork.emails.sent", unit: "{email}",
            description: "Emails handed to the SMTP relay and recorded as sent by this instance, per kind.");
        _failed = meter.CreateCounter<long>("learningnetwork.emails.failed", unit: "{email}",
            description: "Emails this instance gave up on (refused by the relay, out of attempts, or not composable), per kind.");
        meter.CreateObservableGauge("learningnetwork.emails.pending", Pending, unit: "{email}",
            description: "Emails in the send log not yet sent (pending or being sent), per kind, for the whole installation.");
        meter.CreateObservableGauge("learningnetwork.email.oldest_pending", OldestPending, unit: "s",
            description: "How long the oldest email that is due has been waiting to be sent (0 when none is).");
    }

    public void Sent(EmailKind kind, int count = 1) => _sent.Add(count, Kind(kind));

    public void Failed(EmailKind kind) => _failed.Add(1, Kind(kind));

    private IEnumerable<Measurement<long>> Pending()
    {
        if (_waiting.Current is not { } waiting)
        {
            yield break;
        }

        // Every kind, zeros included, so that the series exist before the first email of a kind.
        foreach (var kind in Kinds)
        {
            yield return new Measurement<long>(waiting.PendingByKind.GetValueOrDefault(kind.ToString()), Kind(kind));
        }
    }

    private IEnumerable<Measurement<double>> OldestPending()
    {
        if (_waiting.Current is { } waiting)
        {
            yield return new Measurement<double>(waiting.OldestDueSeconds);
        }
    }

    private static KeyValuePair<string, object?> Kind(EmailKind kind) => new("kind", kind.ToString());

    private static Waiting Read(NpgsqlDataSource dataSource, DateTimeOffset now)
    {
        using var command = dataSource.CreateCommand("""
            SELECT kind, count(*), min(due_at) FILTER (WHERE due_at <= $1)
            FROM notifications.emails
            WHERE status IN ('Pending', 'Sending')
            GROUP BY kind
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.CommandTimeout = 5;
        using var reader = command.ExecuteReader();
        var pending = new Dictionary<string, long>(StringComparer.Ordinal);
        DateTimeOffset? oldestDue = null;
        while (reader.Read())
        {
            pending[reader.GetString(0)] = reader.GetInt64(1);
            if (!reader.IsDBNull(2) && reader.GetFieldValue<DateTimeOffset>(2) is var due && (oldestDue is null || due < oldestDue))
            {
                oldestDue = due;
            }
        }

        return new Waiting(pending, oldestDue is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0);
    }

    private sealed record Waiting(Dictionary<string, long> PendingByKind, double OldestDueSeconds);
}
