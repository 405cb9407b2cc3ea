using System.Net.Http.Json;
using System.Text.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Notifications.Tests;

/// <summary>Two hosts sending from one send log at the same time: every email goes out exactly once.</summary>
public sealed class TwoSendersTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task Two_hosts_sending_the_same_due_emails_deliver_each_once()
    {
        const int count = 300;
        await using var second = app.AnotherHost();
        using var warm = second.CreateClient(); // start the second host and its sender

        var session = await DueEmails.InsertAsync(app.Database, "two-senders", count);

        await Eventually.TrueAsync(async () => await DueEmails.CountAsync(app.Database, session, "Sent") == count, TimeSpan.FromSeconds(90));
        await Task.Delay(1000);

        var received = app.Smtp.Messages.Where(m => m.To.Mailboxes.Any(a => a.Address.StartsWith("two-senders-", StringComparison.Ordinal))).ToList();
        Assert.Equal(count, received.Count);
        Assert.Equal(count, received.Select(m => m.MessageId).Distinct().Count());
        using var staff = await app.StaffClientAsync();
        var log = await staff.GetFromJsonAsync<JsonElement>($"/api/notifications?sessionId={session}&status=Sent&pageSize=50");
        Assert.Equal(count, log.GetProperty("total").GetInt32());
    }
}
