using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Notifications.Tests;

/// <summary>Without a setting, the send log keeps finished emails a year, not for ever.</summary>
public sealed class DefaultSendLogRetentionTests(DefaultSendLogRetentionTests.DefaultSettingsApp app) : IClassFixture<DefaultSendLogRetentionTests.DefaultSettingsApp>
{
    [Fact]
    public async Task Finished_emails_older_than_a_year_are_deleted_by_default()
    {
        using var staff = await app.StaffClientAsync();
        var old = $"old-{Guid.NewGuid():N}@agency.example";
        var recent = $"recent-{Guid.NewGuid():N}@agency.example";
        foreach (var email in new List<string> { old, recent })
        {
            await (await staff.PostAsJsonAsync("/api/staff", new { email, fullName = "Els Vermeulen", preferredLanguage = "nl" })).ShouldBe(HttpStatusCode.Created);
        }

        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM notifications.emails WHERE recipient IN (@a, @b) AND status = 'Sent'", ("a", old), ("b", recent)) == 2);
        await app.Database.ExecuteAsync($"UPDATE notifications.emails SET created_at = now() - interval '366 days' WHERE recipient = '{old}'");
        await app.Database.ExecuteAsync($"UPDATE notifications.emails SET created_at = now() - interval '364 days' WHERE recipient = '{recent}'");

        using var second = app.AnotherHost();
        using var client = second.CreateClient();
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>("SELECT count(*) FROM notifications.emails WHERE recipient = @a", ("a", old)) == 0);
        Assert.Equal(1, await app.Database.ScalarAsync<long>("SELECT count(*) FROM notifications.emails WHERE recipient = @b", ("b", recent)));
    }

    public sealed class DefaultSettingsApp : LearningNetworkApp;
}
