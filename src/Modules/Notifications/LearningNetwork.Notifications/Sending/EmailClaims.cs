using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Notifications.Sending;

/// <summary>
/// The send log's state changes, each one short statement of its own. An email is claimed
/// (status Sending, a lease, attempts + 1) and committed before it is handed to SMTP, and marked
/// sent right after: a crash in between leaves it Sending, and when the lease runs out it is sent
/// again with the same Message-ID. That window is the only way a person can get one email twice.
/// </summary>
internal sealed class EmailClaims(NotificationsDbContext db, TimeProvider clock)
{
    public async Task<List<Email>> ClaimDueAsync(int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.Emails.FromSqlInterpolated($"""
            UPDATE notifications.emails SET status = 'Sending', attempts = attempts + 1, lease_until = {now + lease}
            WHERE id IN (
                SELECT id FROM notifications.emails
                WHERE (status = 'Pending' AND next_attempt_at <= {now}) OR (status = 'Sending' AND lease_until < {now})
                ORDER BY next_attempt_at, id
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>Several emails sent, one statement (and one commit) for all of them; see <see cref="SentMarks"/>.</summary>
    public Task MarkSentAsync(IReadOnlyCollection<SentMark> marks, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = marks.Select(m => m.EmailId).ToArray();
        var subjects = marks.Select(m => m.Subject).ToArray();
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE notifications.emails AS e
            SET status = 'Sent', sent_at = {now}, subject = s.subject, lease_until = NULL, last_error = NULL
            FROM unnest({ids}, {subjects}) AS s(id, subject)
            WHERE e.id = s.id
            """, cancellationToken);
    }

    /// <summary>
    /// Gives back claimed emails that were never handed to SMTP (the batch stopped early): due again
    /// at once, the claim not counted as an attempt. Only while the claim is still this sender's.
    /// </summary>
    public Task ReleaseAsync(IReadOnlyCollection<Email> emails, CancellationToken cancellationToken)
    {
        var ids = emails.Select(e => e.Id).ToArray();
        var lease = emails.First().LeaseUntil;
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE notifications.emails SET status = 'Pending', attempts = attempts - 1, lease_until = NULL
            WHERE id = ANY({ids}) AND status = 'Sending' AND lease_until = {lease}
            """, cancellationToken);
    }

    public Task RetryLaterAsync(Email email, string error, TimeSpan delay, CancellationToken cancellationToken)
    {
        var next = clock.GetUtcNow() + delay;
        return db.Emails.Where(e => e.Id == email.Id).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.Status, EmailStatus.Pending)
            .SetProperty(e => e.NextAttemptAt, next)
            .SetProperty(e => e.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(e => e.LastError, Truncate(error)), cancellationToken);
    }

    public Task FailAsync(Email email, string error, CancellationToken cancellationToken) =>
        db.Emails.Where(e => e.Id == email.Id).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.Status, EmailStatus.Failed)
            .SetProperty(e => e.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(e => e.LastError, Truncate(error)), cancellationToken);

    /// <summary>
    /// Deletes finished emails (sent, failed, skipped) created before <paramref name="createdBefore"/>,
    /// in chunks (<see cref="Housekeeping"/>); pending and in-flight ones stay whatever their age.
    /// Returns how many went.
    /// </summary>
    public Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        Housekeeping.DeleteInChunksAsync(chunk => db.Database.ExecuteSqlInterpolatedAsync($"""
            DELETE FROM notifications.emails WHERE id IN (
                SELECT id FROM notifications.emails
                WHERE created_at < {createdBefore} AND status IN ('Sent', 'Failed', 'Skipped')
                LIMIT {chunk}
                FOR UPDATE SKIP LOCKED)
            """, cancellationToken));

    /// <summary>
    /// Folds the appended changes of the email figures into one row per kind, day and state, in one
    /// statement: changes appended meanwhile are not in its snapshot and stay, and two instances
    /// folding at once each fold only the rows the other did not.
    /// </summary>
    public Task CompactFiguresAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("""
            WITH folded AS (DELETE FROM notifications.email_figures RETURNING kind, due_day, status, emails)
            INSERT INTO notifications.email_figures (kind, due_day, status, emails)
            SELECT kind, due_day, status, sum(emails) FROM folded GROUP BY kind, due_day, status HAVING sum(emails) <> 0
            """, cancellationToken);

    private static string Truncate(string value) => value.Length <= 2000 ? value : value[..2000];
}
