using System.Diagnostics.CodeAnalysis;
using LearningNetwork.BuildingBlocks.Outbox;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LearningNetwork.Notifications.Sending;

/// <summary>Adds emails to the send log so that the same cause never yields two rows (events may come twice).</summary>
internal sealed class SendLog(DeferredWrites deferredWrites)
{
    /// <summary>Many at once (a reminder round): one query for what exists, one insert for the rest. Answers how many it added.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "One of the send log's two ways in, called on the instance use cases receive; AddOnceAsync needs the instance.")]
    public async Task<int> AddManyOnceAsync(NotificationsDbContext db, IReadOnlyList<Email> emails, CancellationToken cancellationToken)
    {
        var keys = emails.Select(e => e.SourceKey).ToList();
        var existing = (await db.Emails.Where(e => keys.Contains(e.SourceKey)).Select(e => e.SourceKey).ToListAsync(cancellationToken)).ToHashSet();
        var fresh = emails.Where(e => !existing.Contains(e.SourceKey)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        db.Emails.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return fresh.Count;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another host ran the same round at the same moment: add what it did not, one by one.
            db.ChangeTracker.Clear();
            var added = 0;
            foreach (var email in fresh)
            {
                added += await AddNowAsync(db, email, cancellationToken) ? 1 : 0;
            }

            return added;
        }
    }

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
