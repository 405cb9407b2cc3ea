using LearningNetwork.ApiClient;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>A learning network through the UI: staff create it, add a whole cluster, plan and publish a meeting, read the attendance; a manager follows it and joins an open one.</summary>
[Collection(BrowserCollections.C)]
public sealed class NetworkJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task Staff_run_a_learning_network_and_its_members_follow_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var networkName = $"Circular economy {tag}";
        var openName = $"Internationalisation {tag}";
        var meetingTitle = $"Kick-off {tag}";
        var api = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(api, 2, language: "en");
        var clusterName = await app.Database.ScalarAsync<string>(
            "SELECT c.name FROM cluster_managers.clusters c JOIN cluster_managers.managers m ON m.cluster_id = c.id WHERE m.id = @id", ("id", managers[0]));
        var memberEmail = await app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managers[0]));
        await api.CreateNetworkAsync(new NetworkRequest(openName, "Going abroad", null, "Open", null)).Expect(System.Net.HttpStatusCode.Created);

        // Staff create a members-only network.
        var staff = await StaffInEnglishAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Learning networks" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Create the network" }).ClickAsync();
        await Expect(staff.Locator("span[data-valmsg-for='Form.Name']")).Not.ToBeEmptyAsync();
        await staff.AuditAsync("staff-networks-errors");
        await staff.GetByLabel("Name").FillAsync(networkName);
        await staff.GetByLabel("Theme").FillAsync("Circular economy");
        await staff.GetByLabel("Membership").SelectOptionAsync("MembersOnly");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Create the network" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(networkName);

        // They add every manager of a cluster at once.
        await staff.GetByLabel("Every manager of a cluster").SelectOptionAsync(new SelectOptionValue { Label = $"{clusterName} (2)" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Add the cluster's managers" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync("2 added, 0 already members");
        await Expect(staff.Locator("#members ~ div table tbody tr")).ToHaveCountAsync(2);
        await staff.AuditAsync("staff-network-details");

        // They plan a meeting from the network's page and publish it: both members are enrolled.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Plan a meeting" }).ClickAsync();
        await Expect(staff.Locator("#LearningNetworkId option:checked")).ToHaveTextAsync(networkName);
        var start = DateTime.UtcNow.Date.AddDays(25).AddHours(13);
        await staff.Locator("#Form_Title").FillAsync(meetingTitle);
        await staff.Locator("#Form_Start").FillAsync(start.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await staff.Locator("#Form_End").FillAsync(start.AddHours(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await staff.Locator("#Form_Capacity").FillAsync("10");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(staff.Locator("main").GetByRole(AriaRole.Link, new() { Name = networkName })).ToBeVisibleAsync(); // the summary names its network
        await staff.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("published");
        await staff.GotoAsync(new Uri(staff.Url).AbsolutePath.TrimEnd('/') + "/participants"); // the meeting's participants, a page of their own
        await Eventually.TrueAsync(async () =>
        {
            await staff.ReloadAsync();
            return await staff.Locator("tr", new() { HasText = "Manager 000" }).CountAsync() == 1 && await staff.Locator("tr", new() { HasText = "Manager 001" }).CountAsync() == 1;
        });

        // The attendance over the cycle, with its CSV.
        await staff.GotoAsync("/staff/networks");
        await staff.GetByRole(AriaRole.Link, new() { Name = networkName }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Attendance over the cycle" }).ClickAsync();
        await Expect(staff.Locator("table.matrix tbody tr")).ToHaveCountAsync(2);
        await Expect(staff.Locator("table.matrix tbody tr").First).ToContainTextAsync("Not recorded");
        await staff.AuditAsync("staff-network-attendance");
        var csv = await staff.RunAndWaitForDownloadAsync(() => staff.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.StartsWith("attendance-", csv.SuggestedFilename, StringComparison.Ordinal);

        // A member sees the network, the meeting on its card and their place; then joins the open network.
        var member = await ActivatedManagerAsync(memberEmail);
        await member.GetByRole(AriaRole.Link, new() { Name = "My learning networks" }).ClickAsync();
        var card = member.Locator("li.card", new() { HasText = networkName });
        await Expect(card).ToContainTextAsync(meetingTitle);
        await Expect(card).ToContainTextAsync("You are enrolled");
        await member.AuditAsync("manager-networks");
        await member.Locator("li.card", new() { HasText = openName }).GetByRole(AriaRole.Button, new() { Name = "Join the network" }).ClickAsync();
        await Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync($"Welcome to {openName}");
        await Expect(member.Locator("li.card", new() { HasText = openName }).GetByRole(AriaRole.Button, new() { Name = "Leave the network" })).ToBeVisibleAsync();
        await member.GotoAsync("/sessions");
        await Expect(member.Locator("li.card", new() { HasText = meetingTitle })).ToContainTextAsync($"Learning network: {networkName}");
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(memberEmail, StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "LearningNetworkWelcome");

        // The manager's page in the other languages.
        foreach (var (language, heading) in new[] { ("nl", "Mijn lerende netwerken"), ("fr", "Mes réseaux d'apprentissage") })
        {
            await member.Locator($"button[value={language}]").ClickAsync();
            await member.GotoAsync("/networks");
            await Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await member.AuditAsync($"manager-{language}-networks");
        }
    }
}
