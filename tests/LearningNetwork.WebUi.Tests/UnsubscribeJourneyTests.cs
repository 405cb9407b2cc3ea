using System.Net;
using System.Text.RegularExpressions;
using LearningNetwork.ApiClient;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>An announcement's unsubscribe links opened in a browser: a page that asks first, in the person's language, without sign-in.</summary>
[Collection(BrowserCollections.D)]
public sealed partial class UnsubscribeJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task The_unsubscribe_link_of_an_announcement_asks_in_the_browser_before_it_stops_announcements()
    {
        var api = await app.StaffApiAsync();
        var manager = (await app.CreateManagersAsync(api, 1, language: "fr"))[0];
        var email = await app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", manager));
        var cluster = await app.Database.ScalarAsync<Guid>("SELECT cluster_id FROM cluster_managers.managers WHERE id = @id", ("id", manager));
        var session = (await api.PublishedSessionAsync(capacity: 10)).Id;
        await api.AnnounceSessionAsync(session, new AnnouncementRequest(new AudienceRequest([], [cluster], null, null), null), dryRun: false).Expect(HttpStatusCode.Accepted);
        var announcement = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(email, StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "SessionAnnounced");
        var inBody = new Uri(BodyLink().Match(announcement.TextBody ?? "").Value);
        var inHeader = new Uri(HeaderLink().Match(announcement.Headers["List-Unsubscribe"] ?? "").Groups[1].Value);
        var browser = await app.NewPageAsync(locale: "fr-BE");

        // The header's link, meant for a one-click POST, opened as a page: it lands on the same question.
        await browser.GotoAsync(inHeader.PathAndQuery);
        await Assertions.Expect(browser).ToHaveURLAsync(new Regex("/unsubscribe\\?token="));
        await Expect(browser.GetByRole(AriaRole.Button, new() { Name = "Arrêter les annonces" })).ToBeVisibleAsync();
        await browser.GotoAsync(inBody.PathAndQuery);
        await browser.AuditAsync("unsubscribe-question");
        Assert.True(await app.Database.ScalarAsync<bool>("SELECT announcements FROM cluster_managers.managers WHERE id = @id", ("id", manager)));

        await browser.GetByRole(AriaRole.Button, new() { Name = "Arrêter les annonces" }).ClickAsync();

        await Expect(browser.GetByRole(AriaRole.Status)).ToContainTextAsync("Vous ne recevrez plus d'annonces");
        await browser.AuditAsync("unsubscribe-done");
        Assert.False(await app.Database.ScalarAsync<bool>("SELECT announcements FROM cluster_managers.managers WHERE id = @id", ("id", manager)));
        // A broken link says so, and changes nothing.
        await browser.GotoAsync("/unsubscribe?token=not-a-token");
        await browser.GetByRole(AriaRole.Button, new() { Name = "Arrêter les annonces" }).ClickAsync();
        await Expect(browser.Locator("[data-valmsg-for='Token']")).ToContainTextAsync("désinscription");
    }

    [GeneratedRegex(@"http://[^\s]+/unsubscribe\?token=[^\s,]+")]
    private static partial Regex BodyLink();

    [GeneratedRegex(@"^<(http://[^>]+)>")]
    private static partial Regex HeaderLink();
}
