using System.Text.Json;
using LearningNetwork.BuildingBlocks.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningNetwork.BuildingBlocks.Outbox;

/// <summary>An integration event waiting to be published after the transaction that wrote it committed.</summary>
public sealed class OutboxMessage
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Assembly-qualified type name of the event (resolved only to IntegrationEvent types).</summary>
    public string Type { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; internal set; }

    public DateTimeOffset? ProcessedAt { get; internal set; }

    /// <summary>Set when the message gave up after too many failed attempts; kept for inspection.</summary>
    public DateTimeOffset? FailedAt { get; internal set; }

    public int Attempts { get; internal set; }

    public string? LastError { get; internal set; }

    /// <summary>
    /// The W3C traceparent of the span that wrote the message (the request, mostly): publishing it
    /// later, on whichever host, is a span in that trace (<see cref="Telemetry.Tracing"/>).
    /// </summary>
    public string? TraceParent { get; private set; }

    public static OutboxMessage From(IntegrationEvent integrationEvent, DateTimeOffset now)
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = integrationEvent.EventId,
            Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
            OccurredAt = now,
            NextAttemptAt = now,
            TraceParent = Telemetry.Tracing.CurrentTraceParent(),
        };
    }

    /// <summary>The event's type without namespace or assembly, as spans and logs name it.</summary>
    internal string EventName
    {
        get
        {
            var fullName = Type.Split(',', 2)[0];
            return fullName[(fullName.LastIndexOf('.') + 1)..];
        }
    }

    internal IntegrationEvent Deserialize()
    {
        var type = System.Type.GetType(Type, throwOnError: false)
            ?? throw new InvalidOperationException($"Outbox message {Id} names an unknown type '{Type}'.");
        if (!typeof(IntegrationEvent).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"Outbox message {Id} names '{Type}', which is not an integration event.");
        }

        return (IntegrationEvent)(JsonSerializer.Deserialize(Payload, type, Json)
            ?? throw new InvalidOperationException($"Outbox message {Id} has an empty payload."));
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    /// <summary>Still to do: the pending index's filter, and the condition of every query that must use that index.</summary>
    public const string Pending = "processed_at IS NULL AND failed_at IS NULL";

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Type).HasMaxLength(500);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.TraceParent).HasMaxLength(Telemetry.Tracing.TraceParentLength);
        // The dispatcher only ever scans what is still to do: keep that index small.
        builder.HasIndex(m => new { m.NextAttemptAt, m.OccurredAt })
            .HasFilter(Pending)
            .HasDatabaseName("ix_outbox_messages_pending");
        // Parked messages are few (none, mostly): counted for the metrics without a scan.
        builder.HasIndex(m => m.FailedAt)
            .HasFilter("failed_at IS NOT NULL")
            .HasDatabaseName("ix_outbox_messages_parked");
    }
}
