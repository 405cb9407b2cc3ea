using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>Accountability through the UI: staff read the year's participation and download it; a manager downloads their certificate.</summary>
[Collection(BrowserCollections.D)]
public sealed class ReportsJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task Staff_read_and_export_the_participation_report_and_a_manager_downloads_a_certificate()
    {
        var api = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(api, 1, language: "en");
        var email = await app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managers[0]));
        var clusterName = await app.Database.ScalarAsync<string>(
            "SELECT c.name FROM cluster_managers.managers m JOIN cluster_managers.clusters c ON c.id = m.cluster_id WHERE m.id = @id", ("id", managers[0]));
        var session = await api.PublishedSessionAsync(capacity: 5, daysAhead: 3);
        var enrollment = await api.EnrollAsync(session.Id, managers[0]).Expect(System.Net.HttpStatusCode.Created);
        await api.RecordAttendanceAsync(session.Id, [(enrollment.Id, "Attended")]).Expect(System.Net.HttpStatusCode.NoContent);
        var year = session.StartsAt.Year;

        var staff = await StaffInEnglishAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        await staff.GetByLabel("Year").SelectOptionAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await staff.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(staff.Locator(".figures li").First).Not.ToContainTextAsync("0Clusters reached");
        var clusterRow = staff.Locator("#per-cluster ~ div table tbody tr", new() { HasText = clusterName });
        await Expect(clusterRow.Locator("td").Nth(2)).ToHaveTextAsync("1"); // sessions attended
        await Expect(clusterRow.Locator("td").Nth(6)).ToHaveTextAsync("1"); // enrollments
        await staff.AuditAsync("staff-reports");
        var csv = await staff.RunAndWaitForDownloadAsync(() => staff.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Equal($"participation-{year}.csv", csv.SuggestedFilename);
        var xlsx = await staff.RunAndWaitForDownloadAsync(() => staff.GetByRole(AriaRole.Link, new() { Name = "Download Excel" }).ClickAsync());
        Assert.Equal($"participation-{year}.xlsx", xlsx.SuggestedFilename);

        var manager = await ActivatedManagerAsync(email);
        await manager.GetByRole(AriaRole.Link, new() { Name = "My sessions" }).ClickAsync();
        var certificate = await manager.RunAndWaitForDownloadAsync(() => manager.Locator("#certificates ~ ul").GetByRole(AriaRole.Link).First.ClickAsync());
        Assert.StartsWith("certificate-", certificate.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync((await certificate.PathAsync())!))[..4]);
        await manager.AuditAsync("manager-my-sessions-certificates");
    }
}
