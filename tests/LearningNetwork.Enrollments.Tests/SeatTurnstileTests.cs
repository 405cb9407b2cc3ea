using LearningNetwork.Enrollments.Features.Shared;

namespace LearningNetwork.Enrollments.Tests;

/// <summary>The per-session queue in front of the seat row: its width, its independence per session, and no leftovers.</summary>
public sealed class SeatTurnstileTests
{
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task A_session_lets_as_many_requests_through_as_it_has_turns_and_the_next_when_one_leaves()
    {
        var turnstile = new SeatTurnstile(2);
        var session = Guid.NewGuid();
        var first = await turnstile.EnterAsync(session, CancellationToken.None);
        var second = await turnstile.EnterAsync(session, CancellationToken.None);

        var third = turnstile.EnterAsync(session, CancellationToken.None);
        await Task.Delay(Moment);
        Assert.False(third.IsCompleted);

        first.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        second.Dispose();
        Assert.Equal(0, turnstile.SessionsInUse);
    }

    [Fact]
    public async Task Another_session_does_not_wait_for_a_busy_one()
    {
        var turnstile = new SeatTurnstile(1);
        using var busy = await turnstile.EnterAsync(Guid.NewGuid(), CancellationToken.None);

        var other = turnstile.EnterAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task A_request_that_gives_up_waiting_takes_no_turn_and_leaves_nothing_behind()
    {
        var turnstile = new SeatTurnstile(1);
        var session = Guid.NewGuid();
        var holder = await turnstile.EnterAsync(session, CancellationToken.None);
        using var giveUp = new CancellationTokenSource();

        var waiting = turnstile.EnterAsync(session, giveUp.Token);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        holder.Dispose();
        holder.Dispose(); // a second dispose gives back nothing more
        Assert.Equal(0, turnstile.SessionsInUse);
        using var next = await turnstile.EnterAsync(session, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, turnstile.SessionsInUse);
    }
}
