using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LearningNetwork.Notifications.Sending;

/// <summary>Adds emails to the send log so that the same cause never yields two rows (events may come twice).</summary>
internal sealed class SendLog
{
    public async Task AddOnceAsync(NotificationsDbContext db, Email email, CancellationToken cancellationToken)
    {
        if (await db.Emails.AnyAsync(e => e.SourceKey == email.SourceKey, cancellationToken))
        {
            return;
        }

        db.Emails.Add(email);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another host handled the same event at the same moment: its row stands.
            db.Entry(email).State = EntityState.Detached;
        }
    }
}
