using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Notifications.Tests;

/// <summary>An SMTP server that is down for two whole minutes while reminders fall due.</summary>
public sealed class SmtpOutageTests(SmtpOutageTests.RetryingApp app) : IClassFixture<SmtpOutageTests.RetryingApp>
{
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Reminders_due_while_the_SMTP_server_is_down_for_two_minutes_arrive_once_when_it_is_back()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 20, language: "en");
        await Eventually.TrueAsync(async () => await CountAsync("kind = 'Invitation' AND status = 'Sent'") == managers.Count,
            TimeSpan.FromSeconds(60), "the invitations did not go out before the outage");

        await app.Smtp.StopAsync();
        var down = DateTimeOffset.UtcNow;
        // Reminders 2 and 1 minutes before a start 2.5 minutes away: due 30 and 90 seconds into the outage.
        var session = await staff.PublishedSessionAsync(capacity: managers.Count, startsIn: TimeSpan.FromSeconds(150), reminders: [2, 1]);
        foreach (var id in managers)
        {
            await (await staff.PostAsJsonAsync($"/api/sessions/{session}/enrollments", new { clusterManagerId = id })).ShouldBe(HttpStatusCode.Created);
        }

        await Task.Delay(down + Outage - DateTimeOffset.UtcNow);
        var triedAndWaiting = await CountAsync($"session_id = '{session}' AND kind = 'Reminder' AND status IN ('Pending', 'Sending') AND attempts >= 2 AND last_error IS NOT NULL");
        app.Smtp.Start();
        Assert.Equal(2 * managers.Count, triedAndWaiting); // both rounds fell due in the outage and were retried through it

        await Eventually.TrueAsync(async () => await CountAsync("status <> 'Sent'") == 0 && await CountAsync($"session_id = '{session}'") == 3 * managers.Count,
            TimeSpan.FromSeconds(60), "not everything was sent after the outage");
        await Task.Delay(1500); // time for anything sent twice to arrive
        var rows = await CountAsync("true");
        var received = app.Smtp.Messages;
        Assert.Equal(rows, received.Count);
        Assert.Equal(rows, received.Select(m => m.MessageId).Distinct().Count());
        Assert.All(received.Where(m => m.Headers["X-LearningNetwork-Session"] == session).GroupBy(m => m.To.Mailboxes.Single().Address), perManager =>
            Assert.Equal(["EnrollmentConfirmed", "Reminder", "Reminder"], perManager.Select(m => m.Headers["X-LearningNetwork-Kind"]).Order()));
    }

    private Task<long> CountAsync(string where) => app.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications.emails WHERE {where}");

    /// <summary>
    /// Retries capped at 10 seconds (production: 2 minutes), so the sender keeps trying all through
    /// the outage and the test does not wait long after it; the attempt limit stays the production
    /// one, which this schedule would reach after about 165 seconds.
    /// </summary>
    public sealed class RetryingApp : LearningNetworkApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Email:FirstRetryDelaySeconds"] = "1",
            ["Email:MaxRetryDelaySeconds"] = "10",
        };
    }
}
