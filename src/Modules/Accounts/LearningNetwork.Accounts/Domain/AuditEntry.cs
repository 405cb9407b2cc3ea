namespace LearningNetwork.Accounts.Domain;

/// <summary>One line of the audit log. Written once (the database refuses UPDATE, DELETE and TRUNCATE).</summary>
internal sealed class AuditEntry
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Who did it (an account id), or null for someone not signed in.</summary>
    public Guid? ActorId { get; init; }

    public string Action { get; init; } = "";

    public string? EntityType { get; init; }

    public Guid? EntityId { get; init; }

    /// <summary>What happened, without names or email addresses.</summary>
    public string Summary { get; init; } = "";

    public string? ClientAddress { get; init; }
}
