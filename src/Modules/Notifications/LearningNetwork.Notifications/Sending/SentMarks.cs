using System.Diagnostics;
using LearningNetwork.Notifications.Contracts;

namespace LearningNetwork.Notifications.Sending;

internal sealed record SentMark(Guid EmailId, EmailKind Kind, string Subject);

/// <summary>
/// Records "sent" for a batch's emails as group commits. A commit waits for the database to make
/// it durable (milliseconds: a WAL flush), longer than handing a message to a local SMTP relay; so
/// marks are committed in the background, and those that come in while one commit is on its way
/// go together in the next. The send loop never waits for the disk, and what has been sent but not
/// yet marked when the process dies is at most about one commit's worth of emails: rows still
/// Sending, which the send log already treats as outcome unknown (sent again with the same
/// Message-ID when their lease ends).
/// </summary>
internal sealed class SentMarks(EmailClaims claims, EmailMetrics metrics)
{
    private readonly Lock _gate = new();
    private List<SentMark> _queued = [];
    private Task _committing = Task.CompletedTask;
    private bool _running;

    public void Add(Guid emailId, EmailKind kind, string subject)
    {
        lock (_gate)
        {
            _queued.Add(new SentMark(emailId, kind, subject));
            if (!_running)
            {
                _running = true;
                _committing = Task.Run(CommitQueuedAsync);
            }
        }
    }

    /// <summary>A failed commit stops the batch: sending on without a send log to record it would only make more unknown outcomes.</summary>
    public void ThrowIfFailed()
    {
        if (_committing.IsFaulted)
        {
            _committing.GetAwaiter().GetResult();
        }
    }

    /// <summary>Returns once every mark added so far is committed; throws if a commit failed.</summary>
    public Task FlushAsync()
    {
        lock (_gate)
        {
            return _committing;
        }
    }

    private async Task CommitQueuedAsync()
    {
        // Started inside the first email's send span: the commits belong to no one email.
        Activity.Current = null;
        while (true)
        {
            List<SentMark> marks;
            lock (_gate)
            {
                if (_queued.Count == 0)
                {
                    _running = false;
                    return;
                }

                (marks, _queued) = (_queued, []);
            }

            await claims.MarkSentAsync(marks, CancellationToken.None);
            // Counted once recorded: a crash before the mark sends the email again, and counts it then.
            foreach (var kind in marks.GroupBy(m => m.Kind))
            {
                metrics.Sent(kind.Key, kind.Count());
            }
        }
    }
}
