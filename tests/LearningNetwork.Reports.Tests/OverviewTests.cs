using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Reports.Tests;

/// <summary>Every figure of the staff dashboard against a small history worked out by hand.</summary>
public sealed class OverviewTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    public sealed record ClusterRow(Guid ClusterId, string Name, int Enrollments, int Attended);

    public sealed record MonthRow(string Month, int Sessions, int Enrollments, int Attended);

    public sealed record ReminderRow(int Sent, int Failed, int Pending);

    public sealed record Overview(
        int Clusters, int ClusterManagers, int SessionsHeld, int UpcomingSessions, int Enrollments, double? AttendanceRate, double? NoShowRate,
        double? AverageFeedback, IReadOnlyList<ClusterRow> ByCluster, IReadOnlyList<MonthRow> ByMonth, ReminderRow Reminders);

    [Fact]
    public async Task Every_dashboard_figure_matches_a_history_worked_out_by_hand()
    {
        using var staff = await app.StaffClientAsync();
        var history = new History(app, staff);
        var a = await history.ClusterAsync("Alfa", "SpearheadCluster");
        var b = await history.ClusterAsync("Bravo", "InnovativeBusinessNetwork");
        var a1 = await history.ManagerAsync(a, "An");
        var a2 = await history.ManagerAsync(a, "Arne");
        var b1 = await history.ManagerAsync(b, "Bea");
        var gone = await history.ManagerAsync(b, "Gone");
        await (await staff.PostAsync($"/api/cluster-managers/{gone}/deactivate", null)).ShouldBe(HttpStatusCode.OK);

        // First held session, two seats: a1 came (rated 5), a2 did not, b1 waited and never got in.
        var first = await history.SessionAsync("First", Local(10), Local(10, hours: 2), capacity: 2);
        await history.RateAsync(await history.EnrollAsync(first, a1, "Attended"), 5);
        await history.EnrollAsync(first, a2, "Absent");
        await history.EnrollAsync(first, b1);
        // Second held session: b1 came (rated 3); a1 cancelled.
        var second = await history.SessionAsync("Second", Local(11), Local(11, hours: 3));
        await history.RateAsync(await history.EnrollAsync(second, b1, "Attended"), 3);
        var cancelled = await history.EnrollAsync(second, a1);
        await (await staff.PostAsync($"/api/enrollments/{cancelled}/cancel", null)).ShouldBe(HttpStatusCode.OK);
        // Upcoming: a2 is expected; a cancelled session counts nowhere.
        var upcoming = await history.SessionAsync("Upcoming", Local(20), Local(20, hours: 1));
        await history.EnrollAsync(upcoming, a2);
        var calledOff = await history.SessionAsync("Called off", Local(25), Local(25, hours: 1));
        await history.EnrollAsync(calledOff, a1, "Attended");
        await (await staff.PostAsJsonAsync($"/api/sessions/{calledOff}/cancel", new { reason = "No room" })).ShouldBe(HttpStatusCode.OK);
        // The two held sessions took place on the 3rd and 4th of last month (moved behind the API's back).
        var lastMonth = DateTime.UtcNow.Date.AddDays(1 - DateTime.UtcNow.Day).AddMonths(-1);
        await MoveAsync(first, lastMonth.AddDays(2).AddHours(9), hours: 2);
        await MoveAsync(second, lastMonth.AddDays(3).AddHours(9), hours: 3);

        var overview = await (await staff.GetAsync("/api/reports/overview")).Typed<Overview>(HttpStatusCode.OK);

        Assert.Equal((2, 3), (overview.Clusters, overview.ClusterManagers));
        Assert.Equal((2, 1), (overview.SessionsHeld, overview.UpcomingSessions));
        Assert.Equal(4, overview.Enrollments);
        Assert.Equal((0.667, 0.333), (overview.AttendanceRate, overview.NoShowRate));
        Assert.Equal(4.0, overview.AverageFeedback);
        Assert.Equal([new ClusterRow(a, history.Name("Alfa"), 3, 1), new ClusterRow(b, history.Name("Bravo"), 1, 1)], overview.ByCluster);
        var upcomingMonth = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(20), TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Assert.Equal([new MonthRow(lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), 2, 3, 2), new MonthRow(upcomingMonth, 1, 1, 0)], overview.ByMonth);
        Assert.Equal(new ReminderRow(0, 0, 0), overview.Reminders);
    }

    public sealed record Period(DateOnly From, DateOnly To);

    [Fact]
    public async Task The_overview_names_the_period_it_covers_also_when_it_chose_it()
    {
        using var staff = await app.StaffClientAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var chosen = await (await staff.GetAsync("/api/reports/overview")).Typed<Period>(HttpStatusCode.OK);
        var asked = await (await staff.GetAsync("/api/reports/overview?from=2026-01-05&to=2026-02-28")).Typed<Period>(HttpStatusCode.OK);

        Assert.Equal(new Period(today.AddMonths(-12), today.AddMonths(3)), chosen);
        Assert.Equal(new Period(new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 28)), asked);
    }

    /// <summary>A local time in Brussels some days ahead, at 10:00 (plus hours).</summary>
    private static string Local(int days, int hours = 0) =>
        DateTime.UtcNow.Date.AddDays(days).AddHours(10 + hours).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private Task MoveAsync(Guid session, DateTime localStart, int hours)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var startsAt = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), zone);
        return app.Database.ExecuteAsync($"""
            UPDATE sessions.sessions SET start_local = '{localStart:yyyy-MM-dd HH:mm}', end_local = '{localStart.AddHours(hours):yyyy-MM-dd HH:mm}',
                starts_at = '{startsAt:yyyy-MM-dd HH:mm}+00', ends_at = '{startsAt.AddHours(hours):yyyy-MM-dd HH:mm}+00'
            WHERE id = '{session}'
            """);
    }
}
