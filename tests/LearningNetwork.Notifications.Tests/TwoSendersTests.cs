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
        var session = Guid.NewGuid();

        await app.Database.ExecuteAsync($"""
            INSERT INTO notifications.emails (id, kind, source_key, recipient, recipient_name, language, session_id, values, protected_values,
                due_at, status, attempts, next_attempt_at, created_at)
            SELECT gen_random_uuid(), 'Reminder', 'two-senders:' || i, 'two-senders-' || i || '@test.example', 'Manager ' || i, 'en', '{session}',
                jsonb_build_object('title', 'Session ' || i, 'when', 'Tuesday 1 January 2030, 10:00-12:00', 'place', 'Gent'),
                jsonb_build_object(), now(), 'Pending', 0, now(), now()
            FROM generate_series(1, {count}) AS i
            """);

        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM notifications.emails WHERE session_id = '{session}' AND status = 'Sent'") == count, TimeSpan.FromSeconds(90));
        await Task.Delay(1000);

        var received = app.Smtp.Messages.Where(m => m.To.Mailboxes.Any(a => a.Address.StartsWith("two-senders-", StringComparison.Ordinal))).ToList();
        Assert.Equal(count, received.Count);
        Assert.Equal(count, received.Select(m => m.MessageId).Distinct().Count());
        using var staff = await app.StaffClientAsync();
        var log = await staff.GetFromJsonAsync<JsonElement>($"/api/notifications?sessionId={session}&status=Sent&pageSize=1");
        Assert.Equal(count, log.GetProperty("total").GetInt32());
    }
}
