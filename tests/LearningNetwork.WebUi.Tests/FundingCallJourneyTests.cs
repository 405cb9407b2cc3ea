using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>Funding calls through the UI: staff create, link a guideline, publish; an eligible manager finds the call and its guideline; staff read a cluster's funding history.</summary>
[Collection(BrowserCollections.C)]
public sealed class FundingCallJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task Staff_publish_a_funding_call_and_an_eligible_manager_finds_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var title = $"Cluster projects 2027 {tag}";
        using var api = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(api, 1, language: "en");
        var email = await app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managers[0]));
        var clusterId = await app.Database.ScalarAsync<Guid>("SELECT cluster_id FROM cluster_managers.managers WHERE id = @id", ("id", managers[0]));

        var staff = await StaffInEnglishAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Funding calls" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(staff.Locator("span[data-valmsg-for='Form.Title']")).Not.ToBeEmptyAsync();
        await staff.AuditAsync("staff-funding-calls-errors");
        await staff.GetByLabel("Title").FillAsync(title);
        await staff.GetByLabel("Instrument").FillAsync("Cluster project");
        await staff.GetByLabel("Spearhead clusters").CheckAsync();
        await staff.GetByLabel("Opens on").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await staff.GetByLabel("Deadline (local time)").FillAsync(DateTime.UtcNow.Date.AddDays(45).AddHours(17).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await staff.GetByLabel("Where to apply (web address)").FillAsync("https://funding.example/apply");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("published");
        await staff.AuditAsync("staff-funding-call");

        // The test directory's clusters are spearhead clusters: this manager may apply.
        var manager = await ActivatedManagerAsync(email);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Funding calls" }).ClickAsync();
        var card = manager.Locator("li.card", new() { HasText = title });
        await Expect(card).ToContainTextAsync("days left");
        await manager.AuditAsync("manager-funding-calls");
        await card.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Link, new() { Name = "Apply" })).ToHaveAttributeAsync("href", "https://funding.example/apply");
        await manager.AuditAsync("manager-funding-call");

        // The cluster's funding history.
        await staff.GotoAsync($"/staff/clusters/{clusterId}/history");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Funding history");
        await staff.AuditAsync("staff-cluster-history");
    }
}
