using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.Testing;

namespace LearningNetwork.Notifications.Tests;

/// <summary>
/// The send log grows with every email ever sent, so its list counts only 20 pages ahead of the
/// page asked for: the first page costs the same after years of use, and says when there is more.
/// </summary>
public sealed class SendLogPagingTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_long_log_is_counted_twenty_pages_ahead_and_says_there_is_more()
    {
        var staff = await app.StaffApiAsync();
        var session = await SentEmailsAsync(250);

        var first = await staff.GetEmailsAsync(new EmailQuery(SessionId: session, PageSize: 10)).Expect(HttpStatusCode.OK);

        Assert.Equal(200, first.Total);
        Assert.True(first.TotalIsLowerBound);
        Assert.Equal(10, first.Items.Count);
        Assert.Equal("sent-250@test.example", first.Items[0].Recipient);
    }

    [Fact]
    public async Task Near_the_end_of_the_log_the_total_is_exact()
    {
        var staff = await app.StaffApiAsync();
        var session = await SentEmailsAsync(250);

        var page20 = await staff.GetEmailsAsync(new EmailQuery(SessionId: session, Page: 20, PageSize: 10)).Expect(HttpStatusCode.OK);

        Assert.Equal(250, page20.Total);
        Assert.False(page20.TotalIsLowerBound);
        Assert.Equal("sent-60@test.example", page20.Items[0].Recipient);
    }

    [Fact]
    public async Task A_short_log_has_its_exact_total()
    {
        var staff = await app.StaffApiAsync();
        var session = await SentEmailsAsync(30);

        var page = await staff.GetEmailsAsync(new EmailQuery(SessionId: session, PageSize: 10)).Expect(HttpStatusCode.OK);

        Assert.Equal(30, page.Total);
        Assert.False(page.TotalIsLowerBound);
    }

    /// <summary>Sent emails of one session, email i created i minutes after the first (the newest is the highest i).</summary>
    private async Task<Guid> SentEmailsAsync(int count)
    {
        var session = Guid.NewGuid();
        await app.Database.ExecuteAsync($"""
            INSERT INTO notifications.emails (id, kind, source_key, recipient, recipient_name, language, session_id, values, protected_values,
                due_at, status, attempts, next_attempt_at, sent_at, created_at)
            SELECT gen_random_uuid(), 'Reminder', '{session}:' || i, 'sent-' || i || '@test.example', 'Manager ' || i, 'en', '{session}',
                jsonb_build_object('title', 'Session'), jsonb_build_object(), now(), 'Sent', 1, now(), now(),
                now() - interval '1 day' + i * interval '1 minute'
            FROM generate_series(1, {count}) AS i
            """);
        return session;
    }
}
