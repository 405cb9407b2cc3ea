using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Reports.Tests;

/// <summary>The per-session sums the database keeps for the dashboard, against a recount and against numbers worked out by hand.</summary>
public sealed class SessionFiguresTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    public sealed record EraseConfirmation(string Confirm);

    [Fact]
    public async Task The_sums_kept_per_session_equal_a_recount_after_every_kind_of_change()
    {
        using var staff = await app.StaffClientAsync();
        var history = new History(app, staff);
        var cluster = await history.ClusterAsync("Charlie", "SpearheadCluster");
        var managers = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            managers.Add(await history.ManagerAsync(cluster, $"Person {i}"));
        }

        // Two seats, three waiting; a cancellation promotes the first in line.
        var full = await history.SessionAsync("Full", Local(5), Local(5, hours: 2), capacity: 2);
        var first = await history.EnrollAsync(full, managers[0], "Attended");
        await history.RateAsync(first, 4);
        var second = await history.EnrollAsync(full, managers[1]);
        await history.EnrollAsync(full, managers[2]);
        await history.EnrollAsync(full, managers[3]);
        await (await staff.PostAsync($"/api/enrollments/{second}/cancel", null)).ShouldBe(HttpStatusCode.OK);
        // Marked twice: the second mark replaces the first.
        var other = await history.SessionAsync("Other", Local(6), Local(6, hours: 1));
        var remarked = await history.EnrollAsync(other, managers[4], "Attended");
        await staff.Typed().RecordAttendanceAsync(other, [(remarked, "Absent")]).Expect(HttpStatusCode.NoContent);
        await history.RateAsync(await history.EnrollAsync(other, managers[0], "Attended"), 2);
        // A person erased: their upcoming enrollments end (the next in line moves up), after the answer.
        var email = await app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managers[0]));
        await (await staff.PostAsJsonAsync($"/api/cluster-managers/{managers[0]}/erase", new EraseConfirmation(email))).ShouldBe(HttpStatusCode.NoContent);
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM enrollments.enrollments WHERE cluster_manager_id = @m AND status <> 'Cancelled'", ("m", managers[0])) == 0);

        var kept = await app.Database.ScalarAsync<string>(
            "SELECT string_agg(concat_ws(',', confirmed, attended, marked, ratings, rating_sum), ' ' ORDER BY session_id) FROM enrollments.session_figures WHERE session_id IN (@a, @b)",
            ("a", full), ("b", other));
        var recounted = await app.Database.ScalarAsync<string>("""
            SELECT string_agg(concat_ws(',', confirmed, attended, marked, ratings, rating_sum), ' ' ORDER BY session_id) FROM (
                SELECT e.session_id, count(*) AS confirmed, count(*) FILTER (WHERE e.attendance = 'Attended') AS attended,
                    count(*) FILTER (WHERE e.attendance <> 'Unknown') AS marked, count(f.rating) AS ratings, coalesce(sum(f.rating), 0) AS rating_sum
                FROM enrollments.enrollments e LEFT JOIN enrollments.feedback f ON f.enrollment_id = e.id
                WHERE e.status = 'Confirmed' AND e.session_id IN (@a, @b)
                GROUP BY e.session_id) r
            """, ("a", full), ("b", other));

        Assert.Equal(recounted, kept);
        // Worked out by hand: "Full" keeps the third and fourth, both moved up, unmarked; "Other" keeps the absent fifth.
        var expected = new Dictionary<Guid, string> { [full] = "2,0,0,0,0", [other] = "1,0,1,0,0" };
        Assert.Equal(string.Join(' ', expected.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal).Select(e => e.Value)), kept);
    }

    /// <summary>A local time in Brussels some days ahead, at 10:00 (plus hours).</summary>
    private static string Local(int days, int hours = 0) =>
        DateTime.UtcNow.Date.AddDays(days).AddHours(10 + hours).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
