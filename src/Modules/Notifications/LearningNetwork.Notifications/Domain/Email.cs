using LearningNetwork.BuildingBlocks.Telemetry;
using LearningNetwork.Notifications.Contracts;

namespace LearningNetwork.Notifications.Domain;

internal enum EmailStatus
{
    Pending,

    /// <summary>Claimed by a sender; if its lease runs out the outcome is unknown and it is sent again, same Message-ID.</summary>
    Sending,
    Sent,
    Failed,
    Skipped,
}

/// <summary>
/// One row of the send log: one email to one person, from creation to its final state. Its id
/// gives the Message-ID, so every retry of it carries the same one.
/// </summary>
internal sealed class Email
{
    private Email()
    {
    }

    public Guid Id { get; private set; }

    public EmailKind Kind { get; private set; }

    /// <summary>What caused it, unique: an event delivered twice does not make a second email.</summary>
    public string SourceKey { get; private set; } = "";

    public string Recipient { get; private set; } = "";

    public string RecipientName { get; private set; } = "";

    public string Language { get; private set; } = "en";

    public Guid? SessionId { get; private set; }

    /// <summary>Set for emails to a cluster manager, so their pending emails stop when they are deactivated.</summary>
    public Guid? ClusterManagerId { get; private set; }

    /// <summary>Template values, in the clear.</summary>
    public Dictionary<string, string> Values { get; private set; } = [];

    /// <summary>Template values protected with <see cref="BuildingBlocks.Security.EmailSecrets"/> (tokens).</summary>
    public Dictionary<string, string> ProtectedValues { get; private set; } = [];

    public string? Subject { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public EmailStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The W3C traceparent of what queued it (a request, an outbox message, a job): its send is a span in that trace.</summary>
    public string? TraceParent { get; private set; }

    public string MessageId(string domain) => $"{Id:N}@{domain}";

    public static Email Create(
        EmailKind kind,
        string sourceKey,
        string recipient,
        string recipientName,
        string language,
        DateTimeOffset dueAt,
        DateTimeOffset now,
        IDictionary<string, string>? values = null,
        IDictionary<string, string>? protectedValues = null,
        Guid? sessionId = null,
        Guid? clusterManagerId = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        SourceKey = sourceKey,
        Recipient = recipient,
        RecipientName = recipientName,
        Language = language,
        SessionId = sessionId,
        ClusterManagerId = clusterManagerId,
        Values = new Dictionary<string, string>(values ?? new Dictionary<string, string>()),
        ProtectedValues = new Dictionary<string, string>(protectedValues ?? new Dictionary<string, string>()),
        DueAt = dueAt,
        NextAttemptAt = dueAt,
        Status = EmailStatus.Pending,
        CreatedAt = now,
        TraceParent = Tracing.CurrentTraceParent(),
    };
}
