using System.Globalization;
using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>The staff dashboard says which period it shows, lists the next sessions with their seats, and draws few enrollments as short bars.</summary>
[Collection(BrowserCollections.A)]
public sealed class DashboardJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task Staff_see_the_dashboards_period_the_next_sessions_with_seats_left_and_short_bars_for_few_enrollments()
    {
        var api = await app.StaffApiAsync();
        var title = $"Kick-off {Guid.NewGuid():N}"[..17];
        // Later today in Brussels: sooner than the sessions the other journeys plan days ahead.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var start = TimeZoneInfo.ConvertTime(DateTime.UtcNow, zone).AddHours(3);
        start = start.Date.AddHours(start.Hour);
        var created = await api.CreateSessionAsync(new SessionRequest(
            title, "Training", "Europe/Brussels", 5, Start: TestSessions.Local(start), End: TestSessions.Local(start.AddHours(1)), Location: "Gent")).Expect(HttpStatusCode.Created);
        var session = await api.PublishSessionAsync(created.Id).Expect(HttpStatusCode.OK);
        var manager = (await app.CreateManagersAsync(api, 1, language: "en"))[0];
        await api.EnrollAsync(session.Id, manager).Expect(HttpStatusCode.Created);
        // Lists show a copy of the seat figures that follows the enrollment shortly.
        await Eventually.TrueAsync(async () => (await api.GetSessionsAsync(new SessionQuery(Search: title)).Expect(HttpStatusCode.OK)).Items[0].SeatsTaken == 1);

        // Without a choice, the fields show the default period the figures cover.
        var staff = await StaffInEnglishAsync();
        await staff.GotoAsync("/staff");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Expect(staff.GetByLabel("From", new() { Exact = true })).ToHaveValueAsync(today.AddMonths(-12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(staff.GetByLabel("To", new() { Exact = true })).ToHaveValueAsync(today.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // The session is among the next ones, with its seats left, and leads to its page.
        var row = staff.Locator("table[aria-labelledby=next-sessions] tbody tr", new() { HasText = title });
        await Expect(row).ToContainTextAsync("4 of 5");
        await staff.AuditAsync("staff-dashboard-next-sessions");

        // A day with one enrollment: its bar is short, not the chart's whole width.
        var day = session.StartsAt.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await staff.GetByLabel("From", new() { Exact = true }).FillAsync(day);
        await staff.GetByLabel("To", new() { Exact = true }).FillAsync(day);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(staff.GetByLabel("From", new() { Exact = true })).ToHaveValueAsync(day);
        var track = staff.Locator("#per-month ~ .chart .track").First;
        await Expect(track).ToHaveAttributeAsync("aria-label", "Enrollments: 1, attended: 0");
        var fill = (await track.Locator(".fill").First.BoundingBoxAsync())!;
        var whole = (await track.BoundingBoxAsync())!;
        Assert.True(fill.Width < whole.Width / 2, $"One enrollment fills {fill.Width} of {whole.Width} px.");
        await staff.AuditAsync("staff-dashboard-one-day");

        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
    }
}
