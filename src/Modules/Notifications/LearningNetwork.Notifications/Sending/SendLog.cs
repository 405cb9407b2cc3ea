using LearningNetwork.BuildingBlocks.Outbox;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LearningNetwork.Notifications.Sending;

/// <summary>Adds emails to the send log so that the same cause never yields two rows (events may come twice).</summary>
internal sealed class SendLog(DeferredWrites deferredWrites)
{
    /// <summary>
    /// Many at once (a reminder round, an announcement to every manager): one statement, whatever
    /// their number. The unique source key skips those a redelivered event or another host's same
    /// round already added. Answers how many it added.
    /// </summary>
    public static async Task<int> AddManyOnceAsync(NotificationsDbContext db, IReadOnlyList<Email> emails, CancellationToken cancellationToken)
    {
        if (emails.Count == 0)
        {
            return 0;
        }

        return await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO notifications.emails
                (id, kind, source_key, recipient, recipient_name, language, session_id, cluster_manager_id,
                 "values", protected_values, due_at, next_attempt_at, status, attempts, created_at, trace_parent)
            SELECT e.id, e.kind, e.source_key, e.recipient, e.recipient_name, e.language, e.session_id, e.cluster_manager_id,
                   e."values", e.protected_values, e.due_at, e.due_at, 'Pending', 0, e.created_at, e.trace_parent
            FROM unnest(@ids, @kinds, @keys, @recipients, @names, @languages, @sessions, @managers, @values, @protected, @due, @created, @traces)
                AS e(id, kind, source_key, recipient, recipient_name, language, session_id, cluster_manager_id, "values", protected_values, due_at, created_at, trace_parent)
            ON CONFLICT (source_key) DO NOTHING
            """,
            [
                Column("ids", NpgsqlDbType.Uuid, emails.Select(e => e.Id)),
                Column("kinds", NpgsqlDbType.Text, emails.Select(e => e.Kind.ToString())),
                Column("keys", NpgsqlDbType.Text, emails.Select(e => e.SourceKey)),
                Column("recipients", NpgsqlDbType.Text, emails.Select(e => e.Recipient)),
                Column("names", NpgsqlDbType.Text, emails.Select(e => e.RecipientName)),
                Column("languages", NpgsqlDbType.Text, emails.Select(e => e.Language)),
                Column("sessions", NpgsqlDbType.Uuid, emails.Select(e => e.SessionId)),
                Column("managers", NpgsqlDbType.Uuid, emails.Select(e => e.ClusterManagerId)),
                Column("values", NpgsqlDbType.Jsonb, emails.Select(e => NotificationsDbContext.ToJson(e.Values))),
                Column("protected", NpgsqlDbType.Jsonb, emails.Select(e => NotificationsDbContext.ToJson(e.ProtectedValues))),
                Column("due", NpgsqlDbType.TimestampTz, emails.Select(e => e.DueAt.ToUniversalTime())),
                Column("created", NpgsqlDbType.TimestampTz, emails.Select(e => e.CreatedAt.ToUniversalTime())),
                Column("traces", NpgsqlDbType.Text, emails.Select(e => e.TraceParent)),
            ],
            cancellationToken);
    }

    private static NpgsqlParameter Column<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };

    /// <summary>
    /// One email, unless its cause already has one. No query first: the unique index on the
    /// source key decides, so the common case (a first delivery) is a single insert and a
    /// repeat costs one refused insert. Handling an outbox batch, the insert waits for the
    /// batch's end and goes with the others (a refused batch is handed over again one by one).
    /// </summary>
    public async Task AddOnceAsync(NotificationsDbContext db, Email email, CancellationToken cancellationToken)
    {
        if (deferredWrites.TryDefer<NotificationsDbContext>(context => context.Emails.Add(email)))
        {
            return;
        }

        await AddNowAsync(db, email, cancellationToken);
    }

    private static async Task<bool> AddNowAsync(NotificationsDbContext db, Email email, CancellationToken cancellationToken)
    {
        db.Emails.Add(email);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A redelivered event, or another host handling the same one: the first row stands.
            db.Entry(email).State = EntityState.Detached;
            return false;
        }
    }
}
