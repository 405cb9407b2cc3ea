using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Notifications.Sending;
using LearningNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Notifications.Tests;

/// <summary>The counts the send log keeps per kind, due day and state (for the dashboard) against a count of the send log itself.</summary>
public sealed class EmailFiguresTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    private const string Kept = """
        SELECT coalesce(string_agg(concat_ws(':', kind, due_day, status, emails), ' ' ORDER BY kind, due_day, status), '') FROM (
            SELECT kind, due_day, status, sum(emails) AS emails FROM notifications.email_figures GROUP BY kind, due_day, status HAVING sum(emails) <> 0) f
        """;

    private const string Counted = """
        SELECT coalesce(string_agg(concat_ws(':', kind, due_day, status, emails), ' ' ORDER BY kind, due_day, status), '') FROM (
            SELECT kind, (due_at AT TIME ZONE 'UTC')::date AS due_day, status, count(*) AS emails FROM notifications.emails GROUP BY 1, 2, 3) c
        """;

    public sealed record NewStaff(string Email, string FullName, string PreferredLanguage);

    [Fact]
    public async Task The_figures_kept_per_kind_day_and_state_equal_a_count_of_the_send_log_through_sending_changes_deletion_and_folding()
    {
        using var staff = await app.StaffClientAsync();
        var recipients = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            recipients.Add($"colleague-{Guid.NewGuid():N}@agency.example");
            await (await staff.PostAsJsonAsync("/api/staff", new NewStaff(recipients[^1], "Els Vermeulen", "nl"))).ShouldBe(HttpStatusCode.Created);
        }

        var list = string.Join(",", recipients.Select(r => $"'{r}'"));
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications.emails WHERE recipient IN ({list}) AND status = 'Sent'") == 4);
        // One failed, one moved to another day, one deleted, all in one statement each.
        await app.Database.ExecuteAsync($"UPDATE notifications.emails SET status = 'Failed' WHERE recipient = '{recipients[0]}'");
        await app.Database.ExecuteAsync($"UPDATE notifications.emails SET due_at = due_at - interval '3 days' WHERE recipient = '{recipients[1]}'");
        await app.Database.ExecuteAsync($"DELETE FROM notifications.emails WHERE recipient = '{recipients[2]}'");

        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<string>(Kept) == await app.Database.ScalarAsync<string>(Counted));
        Assert.Contains(":Failed:1", await app.Database.ScalarAsync<string>(Kept), StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EmailClaims>().CompactFiguresAsync(CancellationToken.None);

        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<string>(Kept) == await app.Database.ScalarAsync<string>(Counted));
        var groups = await app.Database.ScalarAsync<long>("SELECT count(*) FROM (SELECT DISTINCT kind, due_day, status FROM notifications.email_figures) g");
        var rows = await app.Database.ScalarAsync<long>("SELECT count(*) FROM notifications.email_figures");
        Assert.Equal(groups, rows);
    }
}
