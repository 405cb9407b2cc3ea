using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Notifications.Sending;
using LearningNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LearningNetwork.Notifications.Tests;

/// <summary>A host whose send log keeps finished emails 30 days.</summary>
public sealed class ThirtyDaySendLogApp : LearningNetworkApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Email:RetainDays"] = "30" };
}

/// <summary>The send log's retention: finished emails past it go; anything still to send stays.</summary>
public sealed class SendLogRetentionTests(ThirtyDaySendLogApp app) : IClassFixture<ThirtyDaySendLogApp>
{
    [Fact]
    public async Task Finished_emails_older_than_the_retention_are_deleted_and_the_others_kept()
    {
        using var staff = await app.StaffClientAsync();
        var recipients = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var email = $"colleague-{Guid.NewGuid():N}@agency.example";
            await (await staff.PostAsJsonAsync("/api/staff", new { email, fullName = "Els Vermeulen", preferredLanguage = "nl" })).ShouldBe(HttpStatusCode.Created);
            recipients.Add(email);
        }

        var list = string.Join(",", recipients.Select(r => $"'{r}'"));
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications.emails WHERE recipient IN ({list}) AND status = 'Sent'") == 5);

        // Sent 31 days ago, failed 31 days ago, skipped 31 days ago, sent 29 days ago, and one
        // created 40 days ago that is still waiting for its next attempt.
        await AgeAsync(recipients[0], 31, "status");
        await AgeAsync(recipients[1], 31, "'Failed'");
        await AgeAsync(recipients[2], 31, "'Skipped'");
        await AgeAsync(recipients[3], 29, "status");
        await AgeAsync(recipients[4], 40, "'Pending'", ", next_attempt_at = now() + interval '1 day'");

        await using var scope = app.Services.CreateAsyncScope();
        var retainDays = scope.ServiceProvider.GetRequiredService<IOptions<EmailSendingOptions>>().Value.RetainDays;
        var purged = await scope.ServiceProvider.GetRequiredService<EmailClaims>()
            .PurgeFinishedAsync(DateTimeOffset.UtcNow - TimeSpan.FromDays(retainDays), CancellationToken.None);

        Assert.Equal(3, purged);
        var left = await app.Database.ScalarAsync<string>($"SELECT string_agg(recipient, ',' ORDER BY recipient COLLATE \"C\") FROM notifications.emails WHERE recipient IN ({list})");
        Assert.Equal(string.Join(",", new[] { recipients[3], recipients[4] }.Order(StringComparer.Ordinal)), left);
    }

    [Fact]
    public async Task A_sending_instance_applies_the_retention_when_it_starts()
    {
        using var staff = await app.StaffClientAsync();
        var email = $"colleague-{Guid.NewGuid():N}@agency.example";
        await (await staff.PostAsJsonAsync("/api/staff", new { email, fullName = "Els Vermeulen", preferredLanguage = "nl" })).ShouldBe(HttpStatusCode.Created);
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications.emails WHERE recipient = '{email}' AND status = 'Sent'") == 1);
        await AgeAsync(email, 31, "status");

        // A second host on the same database: its email sender keeps house as it starts.
        using var second = app.AnotherHost();
        using var client = second.CreateClient();
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications.emails WHERE recipient = '{email}'") == 0);
    }

    [Fact]
    public async Task A_retention_shorter_than_thirty_days_is_refused_at_start()
    {
        var tooShort = new TenDaySendLogApp();
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(tooShort.InitializeAsync);
            Assert.Contains("Email:RetainDays must be 0 (keep the send log) or at least 30", error.ToString());
        }
        finally
        {
            await ((IAsyncLifetime)tooShort).DisposeAsync();
        }
    }

    private Task AgeAsync(string recipient, int days, string status, string extra = "") =>
        app.Database.ExecuteAsync(
            $"UPDATE notifications.emails SET created_at = now() - interval '{days} days', status = {status}{extra} WHERE recipient = '{recipient}'");

    private sealed class TenDaySendLogApp : LearningNetworkApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Email:RetainDays"] = "10" };
    }
}
