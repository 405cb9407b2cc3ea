namespace LearningNetwork.Notifications.Sending;

/// <summary>
/// Wakes this host's sender when a person just queued emails here (an announcement, a message to
/// participants), so that they start at once instead of at the sender's next poll. Other hosts,
/// and emails queued inside a transaction not yet committed, are found by polling as before.
/// </summary>
internal sealed class NewEmails : IDisposable
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Queued()
    {
        try
        {
            _queued.Release();
        }
        catch (SemaphoreFullException)
        {
            // The sender has a wake-up waiting already: one is enough.
        }
    }

    /// <summary>Waits for the poll interval, or less when emails are queued on this host meanwhile.</summary>
    public async Task WaitAsync(TimeSpan pollInterval, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var polled = Task.Delay(pollInterval, clock, done.Token);
        var woken = _queued.WaitAsync(done.Token);
        await Task.WhenAny(polled, woken);
        await done.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _queued.Dispose();
}
