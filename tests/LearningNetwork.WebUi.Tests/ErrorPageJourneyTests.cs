using System.Net;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>A wrong address or a failing page shows a page people can read and leave, not a JSON document.</summary>
[Collection(BrowserCollections.A)]
public sealed class ErrorPageJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task An_unknown_page_says_so_in_the_layout_and_the_persons_language_with_a_way_back()
    {
        var visitor = await app.NewPageAsync(locale: "nl-BE");
        var response = await visitor.GotoAsync("/doesnotexist");
        Assert.Equal(404, response!.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pagina niet gevonden");
        await Expect(visitor.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await visitor.AuditAsync("error-404-nl");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Terug naar uw startpagina" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Aanmelden" })).ToBeVisibleAsync();

        var staff = await StaffInAsync("fr");
        foreach (var path in new[] { $"/staff/sessions/{Guid.NewGuid()}", "/staff/sesions", "/staff/managers/import/nothing" })
        {
            response = await staff.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page introuvable");
            // In the layout: the staff's own navigation is there to go on from.
            await Expect(staff.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Tableau de bord" })).ToBeVisibleAsync();
        }

        await staff.AuditAsync("error-404-staff-fr");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Retour à votre page d'accueil" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tableau de bord");

        // Programs keep their problem details.
        using var api = await app.StaffClientAsync();
        foreach (var path in new[] { "/api/doesnotexist", $"/api/sessions/{Guid.NewGuid()}" })
        {
            var answer = await api.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_failing_page_shows_an_error_page_in_the_layout_and_the_persons_language()
    {
        var staff = await StaffInAsync("en");
        await staff.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [BrowserApp.FailPageHeader] = "yes" });
        var response = await staff.GotoAsync("/staff/reports");
        Assert.Equal(500, response!.Status);
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Something went wrong");
        await Expect(staff.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await staff.AuditAsync("error-500-en");

        // The language switch is a page too: it must not fail.
        await staff.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>());
        await staff.Locator("button[value=nl]").ClickAsync();
        await staff.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [BrowserApp.FailPageHeader] = "yes" });
        Assert.Equal(500, (await staff.GotoAsync("/staff/reports"))!.Status);
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Er ging iets mis");
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Terug naar uw startpagina" })).ToBeVisibleAsync();
    }
}
