using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>Staff import the CSV a Belgian Excel saves (Windows-1252) from the import page, and every accent survives.</summary>
[Collection(BrowserCollections.A)]
public sealed class ImportJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task Staff_import_an_Excel_CSV_in_Windows_1252_and_the_accents_survive()
    {
        using var api = await app.StaffClientAsync();
        var clusterName = $"Économie {Guid.NewGuid():N}"[..20];
        await (await api.PostAsJsonAsync("/api/clusters", new { name = clusterName, type = "SpearheadCluster" })).ShouldBe(HttpStatusCode.Created);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var people = new[] { "Hélène Mercier", "Adèle Lefèvre", "Œdipe Cœur" };
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var file = System.Text.Encoding.GetEncoding(1252).GetBytes(
            "cluster;fullName;email;preferredLanguage\r\n" + string.Concat(people.Select((p, i) => $"{clusterName};{p};imp{i}.{tag}@cluster.example;fr\r\n")));

        var staff = await StaffInAsync("nl");
        await staff.GotoAsync("/staff/managers/import");
        var template = await staff.RunAndWaitForDownloadAsync(() => staff.GetByRole(AriaRole.Link, new() { Name = "Download een sjabloonbestand" }).ClickAsync());
        Assert.StartsWith("cluster,fullName,email,preferredLanguage,phone", await File.ReadAllTextAsync((await template.PathAsync())!), StringComparison.Ordinal);
        await staff.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "beheerders.csv", MimeType = "text/csv", Buffer = file });
        await staff.Locator("main form[enctype] button[type=submit]").ClickAsync();
        await Expect(staff.Locator(".figures li").First).ToContainTextAsync("3");
        // The preview names whom it will create, before anything is stored.
        var preview = staff.GetByRole(AriaRole.Table, new() { Name = "Wie de import aanmaakt of bijwerkt" });
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            await Expect(preview.Locator("tr", new() { HasText = $"imp{i}.{tag}@cluster.example" })).ToContainTextAsync(person);
        }

        await Expect(preview.Locator("tbody tr", new() { HasText = "Toevoegen" })).ToHaveCountAsync(3);
        await staff.AuditAsync("staff-import-preview-nl");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Nu importeren en de uitnodigingen sturen" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync("3");

        await staff.GotoAsync($"/staff/managers?search={Uri.EscapeDataString(tag)}");
        foreach (var person in people)
        {
            await Expect(staff.Locator("li.card", new() { HasText = person })).ToHaveCountAsync(1);
        }
    }
}
