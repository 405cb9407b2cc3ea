using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>Staff read one manager (details, enrollments past and upcoming, downloads, networks) and one cluster (managers, funding, participation); deactivation is a step of its own.</summary>
[Collection(BrowserCollections.D)]
public sealed class ManagerPageJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task Staff_read_a_managers_enrollments_downloads_and_networks_through_the_api()
    {
        using var staffClient = await app.StaffClientAsync();
        var api = staffClient.Typed();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (managerId, _, manager) = await BrowserManagerAsync(api, $"Api Reader {tag}", "en");
        using (manager)
        {
            var upcoming = await api.PublishedSessionAsync(capacity: 5);
            await api.EnrollAsync(upcoming.Id, managerId).Expect(HttpStatusCode.Created);
            var past = await PastSessionAsync(api, managerId, attended: true);
            var guideline = await PublishedGuidelineAsync(api, $"Read by {tag}");
            await (await manager.GetAsync($"/api/guidelines/{guideline}/download")).ShouldBe(HttpStatusCode.OK);
            var network = await api.NewNetworkAsync("Open", $"Network of {tag}");
            await api.AddMembersAsync(network.Id, [managerId]);

            var enrollments = await api.GetManagerEnrollmentsAsync(managerId).Expect(HttpStatusCode.OK);
            Assert.Equal(2, enrollments.Total);
            Assert.Equal([past, upcoming.Id], enrollments.Items.Select(i => i.SessionId));
            Assert.Equal(Attendance.Attended, enrollments.Items[0].Attendance);
            var downloads = await api.GetManagerDownloadsAsync(managerId).Expect(HttpStatusCode.OK);
            Assert.Equal($"Read by {tag}", downloads.Single().Title);
            var networks = await api.GetManagerNetworksAsync(managerId).Expect(HttpStatusCode.OK);
            Assert.Equal(network.Id, networks.Single().NetworkId);

            // The same three routes for a manager nobody knows, and for the manager themselves.
            foreach (var part in new[] { "enrollments", "downloads", "learning-networks" })
            {
                await (await staffClient.GetAsync($"/api/cluster-managers/{Guid.NewGuid()}/{part}")).ShouldBe(HttpStatusCode.NotFound);
                await (await manager.GetAsync($"/api/cluster-managers/{managerId}/{part}")).ShouldBe(HttpStatusCode.Forbidden);
            }
        }
    }

    [Fact]
    public async Task Staff_open_a_manager_page_and_a_cluster_page_and_deactivation_asks_first()
    {
        var api = await app.StaffApiAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var clusterName = $"Ended cluster {tag}";
        var cluster = (await api.CreateClusterAsync(new ClusterRequest(clusterName, "SpearheadCluster", FundingStart: new DateOnly(2020, 1, 1), FundingEnd: new DateOnly(2023, 12, 31)))
            .Expect(HttpStatusCode.Created)).Id;
        var name = $"Maaike Page {tag}";
        var (managerId, _, manager) = await BrowserManagerAsync(api, name, "en", cluster);
        var upcoming = await api.PublishedSessionAsync(capacity: 5);
        await api.EnrollAsync(upcoming.Id, managerId).Expect(HttpStatusCode.Created);
        var past = await PastSessionAsync(api, managerId, attended: true);
        var pastSession = await api.GetSessionAsync(past).Expect(HttpStatusCode.OK);
        var (pastTitle, pastYear) = (pastSession.Title, pastSession.StartsAt.Year);
        var guideline = await PublishedGuidelineAsync(api, $"Rules read by {tag}");
        using (manager)
        {
            await (await manager.GetAsync($"/api/guidelines/{guideline}/download")).ShouldBe(HttpStatusCode.OK);
        }

        var network = await api.NewNetworkAsync("Open", $"Network of {tag}");
        await api.AddMembersAsync(network.Id, [managerId]);

        var staff = await app.NewPageAsync();
        await staff.GotoAsync("/login");
        await SignInAsync(staff, LearningNetworkApp.StaffEmail, LearningNetworkApp.StaffPassword);
        foreach (var (language, upcomingHeading, pastHeading, attended, ended, sessionsAttended) in new[]
                 {
                     ("nl", "Komende inschrijvingen", "Vroegere inschrijvingen", "Aanwezig", "Afgelopen", "Bijgewoonde sessies"),
                     ("fr", "Inscriptions à venir", "Inscriptions passées", "Présent(e)", "Terminé", "Sessions suivies"),
                     ("en", "Upcoming enrollments", "Past enrollments", "Attended", "Ended", "Sessions attended"),
                 })
        {
            await staff.Locator($"button[value={language}]").ClickAsync();
            // From the managers list to the manager's page.
            await staff.GotoAsync($"/staff/managers?search={tag}");
            await staff.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
            await Expect(staff.Locator("#upcoming + ul")).ToContainTextAsync(upcoming.Title);
            await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = upcomingHeading })).ToBeVisibleAsync();
            await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = pastHeading })).ToBeVisibleAsync();
            await Expect(staff.Locator("#past + ul li", new() { HasText = pastTitle })).ToContainTextAsync(attended);
            await Expect(staff.Locator("#networks + ul")).ToContainTextAsync($"Network of {tag}");
            await Expect(staff.Locator("#downloads + ul")).ToContainTextAsync($"Rules read by {tag}");
            await staff.AuditAsync($"staff-{language}-manager-page");

            // From the manager to their cluster: funding ended, its managers, its participation.
            await staff.GotoAsync($"/staff/clusters/{cluster}?year={pastYear}");
            await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(clusterName);
            await Expect(staff.Locator("#funding-ended")).ToHaveTextAsync(ended);
            await Expect(staff.Locator("#managers + ul")).ToContainTextAsync(name);
            await Expect(staff.Locator(".figures li", new() { HasText = sessionsAttended })).ToContainTextAsync("1");
            await staff.AuditAsync($"staff-{language}-cluster-page");
        }

        // The clusters list marks the ended funding too, and leads to the cluster's page.
        await staff.GotoAsync("/staff/clusters");
        await Expect(staff.Locator("tr", new() { HasText = clusterName })).ToContainTextAsync("Ended");
        await staff.GetByRole(AriaRole.Link, new() { Name = clusterName, Exact = true }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(clusterName);

        // Editing: a mistake is shown at its field, a correction is saved.
        await staff.GotoAsync($"/staff/managers/{managerId}");
        await staff.Locator("#Form_FullName").FillAsync("");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();
        await Expect(staff.Locator("span[data-valmsg-for='Form.FullName']")).Not.ToBeEmptyAsync();
        await staff.Locator("#Form_FullName").FillAsync(name);
        await staff.Locator("#Form_Phone").FillAsync("+32 470 12 34 56");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync("The details are saved.");
        await Expect(staff.Locator("dl.facts")).ToContainTextAsync("+32 470 12 34 56");

        // At phone width the page reads top to bottom.
        var phone = await app.NewPageAsync(Phone);
        await phone.GotoAsync("/login");
        await SignInAsync(phone, LearningNetworkApp.StaffEmail, LearningNetworkApp.StaffPassword);
        await phone.Locator("button[value=en]").ClickAsync();
        await phone.GotoAsync($"/staff/managers/{managerId}");
        await AssertOnScreenAsync(phone, phone.GetByRole(AriaRole.Link, new() { Name = "Deactivate…" }));
        await phone.AuditAsync("phone-en-staff-manager-page");
        await phone.GotoAsync($"/staff/clusters/{cluster}");
        await phone.AuditAsync("phone-en-staff-cluster-page");

        // Deactivation: no red button in the list, a page that says what ends, and a way back.
        await staff.GotoAsync($"/staff/managers?search={tag}");
        await Expect(staff.Locator("li.card button.danger")).ToHaveCountAsync(0);
        var card = staff.Locator("li.card", new() { HasText = name });
        await card.GetByRole(AriaRole.Link, new() { Name = "Deactivate…" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Deactivate {name}?");
        await Expect(staff.Locator("main")).ToContainTextAsync("1 upcoming enrollment ends");
        await Expect(staff.Locator("main")).ToContainTextAsync("they leave 1 learning network");
        await staff.AuditAsync("staff-deactivate-manager");
        await staff.GetByRole(AriaRole.Link, new() { Name = "No, keep the account" }).ClickAsync();
        await Expect(staff.Locator("dl.facts")).ToContainTextAsync("Active");
        Assert.True(await app.Database.ScalarAsync<bool>("SELECT is_active FROM cluster_managers.managers WHERE id = @id", ("id", managerId)));

        await staff.GetByRole(AriaRole.Link, new() { Name = "Deactivate…" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Yes, deactivate" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync("The manager is deactivated.");
        await Expect(staff.Locator("dl.facts")).ToContainTextAsync("Deactivated");
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Deactivate…" })).ToHaveCountAsync(0);
    }
}
