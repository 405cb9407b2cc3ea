namespace LearningNetwork.Enrollments.Features.Shared;

/// <summary>
/// Lets the enrollments of one session reach its ledger row a few at a time per host. The row
/// lock alone would be correct, but when a popular session opens, every waiting request holds a
/// PostgreSQL backend asleep on that lock, and each commit wakes the next one with a signal:
/// a profile of a hot session showed PostgreSQL spending much of its CPU on that sleeping and
/// waking (docs/performance.md, "Seat turnstile").
/// Waiting here costs a queued continuation instead. Two queue by default: one request holds
/// the row while the next already waits at it, so the row is never idle between commits (one
/// turn measured slower). The row lock still decides, across hosts too, so this changes neither
/// the outcome nor the order rules: it is a queue, not a guard.
/// </summary>
internal sealed class SeatTurnstile(int width)
{
    private readonly Dictionary<Guid, SessionQueue> _sessions = [];

    /// <summary>Sessions with a request holding or waiting for a turn.</summary>
    public int SessionsInUse
    {
        get
        {
            lock (_sessions)
            {
                return _sessions.Count;
            }
        }
    }

    /// <summary>Waits for a turn at the session's row; dispose the turn after the transaction ends.</summary>
    public async Task<IDisposable> EnterAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        SessionQueue queue;
        lock (_sessions)
        {
            if (!_sessions.TryGetValue(sessionId, out queue!))
            {
                queue = new SessionQueue(width);
                _sessions[sessionId] = queue;
            }

            queue.Users++;
        }

        try
        {
            await queue.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(sessionId, queue, entered: false);
            throw;
        }

        return new Turn(this, sessionId, queue);
    }

    private void Leave(Guid sessionId, SessionQueue queue, bool entered)
    {
        lock (_sessions)
        {
            if (entered)
            {
                queue.Semaphore.Release();
            }

            // The last one out forgets the session, so the map holds only sessions in use.
            if (--queue.Users == 0)
            {
                _sessions.Remove(sessionId);
            }
        }
    }

    private sealed class SessionQueue(int width)
    {
        public SemaphoreSlim Semaphore { get; } = new(width, width);

        public int Users { get; set; }
    }

    private sealed class Turn(SeatTurnstile owner, Guid sessionId, SessionQueue queue) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave(sessionId, queue, entered: true);
            }
        }
    }
}
