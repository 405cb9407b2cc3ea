using LearningNetwork.Notifications.Sending;

namespace LearningNetwork.Notifications.Tests;

/// <summary>The sender waits for its poll interval, unless someone on its host just queued emails.</summary>
public sealed class NewEmailsTests
{
    [Fact]
    public async Task A_sender_waiting_for_its_next_poll_wakes_as_soon_as_emails_are_queued_on_its_host()
    {
        using var newEmails = new NewEmails();
        var waiting = newEmails.WaitAsync(TimeSpan.FromMinutes(10), TimeProvider.System, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);

        newEmails.Queued();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Emails_queued_while_it_was_sending_wake_it_once_and_then_it_polls_again()
    {
        using var newEmails = new NewEmails();
        newEmails.Queued();
        newEmails.Queued();

        await newEmails.WaitAsync(TimeSpan.FromMinutes(10), TimeProvider.System, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var next = newEmails.WaitAsync(TimeSpan.FromMinutes(10), TimeProvider.System, CancellationToken.None);
        await Task.Delay(200);

        Assert.False(next.IsCompleted);
        await newEmails.WaitAsync(TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
