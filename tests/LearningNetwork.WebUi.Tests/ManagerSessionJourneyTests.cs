using System.Net;
using System.Text.RegularExpressions;
using LearningNetwork.ApiClient;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>A cluster manager's session page (their language, place, network, materials, enroll and cancel), their past sessions, the confirmation's cancel link and activation.</summary>
[Collection(BrowserCollections.D)]
public sealed class ManagerSessionJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task A_manager_opens_a_session_page_downloads_its_materials_and_sees_a_past_session()
    {
        var api = await app.StaffApiAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (managerId, email, manager) = await BrowserManagerAsync(api, $"Session Reader {tag}", "en");
        manager.Dispose();
        var guideline = await PublishedGuidelineAsync(api, $"Handout {tag}", "handout.pdf");
        var network = await api.NewNetworkAsync("Open", $"Circle {tag}");
        var start = DateTime.UtcNow.Date.AddDays(25).AddHours(9);
        var session = (await api.CreateSessionAsync(new SessionRequest(
            $"Funding clinic {tag}", "LearningNetworkMeeting", "Europe/Brussels", 10, Start: TestSessions.Local(start), End: TestSessions.Local(start.AddHours(2)),
            Description: "Bring your project idea.", Location: "Havenlaan 88, Brussel", OnlineUrl: "https://meet.example/clinic", LearningNetworkId: network.Id,
            Translations: new Dictionary<string, SessionText>
            {
                ["nl"] = new($"Subsidiekliniek {tag}", "Breng uw projectidee mee."),
                ["fr"] = new($"Clinique de financement {tag}", "Apportez votre idée de projet."),
            })).Expect(HttpStatusCode.Created)).Id;
        await api.SetMaterialsAsync(session, [guideline]).Expect(HttpStatusCode.NoContent);
        await api.PublishSessionAsync(session).Expect(HttpStatusCode.OK);
        var past = await PastSessionAsync(api, managerId, attended: true, guideline);
        var pastTitle = (await api.GetSessionAsync(past).Expect(HttpStatusCode.OK)).Title;

        foreach (var viewport in new ViewportSize?[] { null, Phone })
        {
            var page = await app.NewPageAsync(viewport);
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // "Cancel your enrollment?" -> yes
            await page.GotoAsync("/login");
            await SignInAsync(page, email, TestAccounts.Password);
            var size = viewport is null ? "desktop" : "phone";
            foreach (var (language, title, description, enroll, cancel, materials, attended) in new[]
                     {
                         ("nl", $"Subsidiekliniek {tag}", "Breng uw projectidee mee.", "Inschrijven", "Inschrijving annuleren", "Materiaal", "Aanwezig"),
                         ("fr", $"Clinique de financement {tag}", "Apportez votre idée de projet.", "S'inscrire", "Annuler l'inscription", "Documents", "Présent(e)"),
                         ("en", $"Funding clinic {tag}", "Bring your project idea.", "Enroll", "Cancel enrollment", "Materials", "Attended"),
                     })
            {
                await page.Locator($"button[value={language}]").ClickAsync();
                // From the list to the session's page: in the page's language, with place, link, network and materials.
                await page.GotoAsync("/sessions");
                await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
                await Expect(page.Locator("main")).ToContainTextAsync(description);
                await Expect(page.Locator("dl.facts")).ToContainTextAsync("Havenlaan 88, Brussel");
                await Expect(page.Locator("dl.facts").GetByRole(AriaRole.Link, new() { Name = "https://meet.example/clinic" })).ToBeVisibleAsync();
                await Expect(page.Locator("dl.facts").GetByRole(AriaRole.Link, new() { Name = $"Circle {tag}" })).ToBeVisibleAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = materials })).ToBeVisibleAsync();
                var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#materials + ul").GetByRole(AriaRole.Link, new() { Name = $"Handout {tag}" }).ClickAsync());
                Assert.Equal("handout.pdf", download.SuggestedFilename);
                Assert.Equal(GuidelineBytes, await File.ReadAllBytesAsync((await download.PathAsync())!));

                await page.GetByRole(AriaRole.Button, new() { Name = enroll, Exact = true }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
                await AssertOnScreenAsync(page, page.GetByRole(AriaRole.Button, new() { Name = cancel }));
                await page.AuditAsync($"{size}-{language}-manager-session-page");
                await page.GetByRole(AriaRole.Button, new() { Name = cancel }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = enroll, Exact = true })).ToBeVisibleAsync();

                // The past session, with its materials and certificate, on My sessions.
                await page.GotoAsync("/my-sessions");
                var card = page.Locator("#past + ul li.card", new() { HasText = pastTitle });
                await Expect(card).ToContainTextAsync(attended);
                await Expect(card.GetByRole(AriaRole.Link, new() { Name = $"Handout {tag}" })).ToBeVisibleAsync();
                await page.AuditAsync($"{size}-{language}-manager-my-sessions-past");
            }

            var pastCard = page.Locator("#past + ul li.card", new() { HasText = pastTitle });
            var handout = await page.RunAndWaitForDownloadAsync(() => pastCard.GetByRole(AriaRole.Link, new() { Name = $"Handout {tag}" }).ClickAsync());
            Assert.Equal(GuidelineBytes, await File.ReadAllBytesAsync((await handout.PathAsync())!));
            var certificate = await page.RunAndWaitForDownloadAsync(() => pastCard.GetByRole(AriaRole.Link, new() { Name = "Certificate" }).ClickAsync());
            Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync((await certificate.PathAsync())!))[..4]);
            await pastCard.GetByRole(AriaRole.Link, new() { Name = pastTitle, Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(pastTitle);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download your certificate of attendance" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel enrollment" })).ToHaveCountAsync(0);
            await page.AuditAsync($"{size}-en-manager-past-session-page");
        }
    }

    [Fact]
    public async Task The_confirmation_email_links_to_the_enrollment_where_the_manager_cancels_after_signing_in()
    {
        var api = await app.StaffApiAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var session = (await api.PublishedSessionAsync(capacity: 5)).Id;
        var link = new Regex(@"https?://[^\s""<>]+/sessions/" + session + "#my-enrollment");
        string? dutchLink = null;
        string? dutchEmail = null;
        foreach (var (language, action) in new[] { ("nl", "Uw inschrijving bekijken of annuleren"), ("fr", "Voir ou annuler votre inscription"), ("en", "View or cancel your enrollment") })
        {
            var (_, email, manager) = await BrowserManagerAsync(api, $"Canceller {language} {tag}", language);
            using (manager)
            {
                await manager.Typed().EnrollAsync(session).Expect(HttpStatusCode.Created);
            }

            var confirmation = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(email, StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "EnrollmentConfirmed");
            Assert.Contains(action, confirmation.TextBody, StringComparison.Ordinal);
            Assert.Contains(action, confirmation.HtmlBody, StringComparison.Ordinal);
            var found = link.Match(confirmation.TextBody ?? string.Empty);
            Assert.True(found.Success, $"No link to the enrollment in the {language} confirmation:\n{confirmation.TextBody}");
            Assert.StartsWith(app.BaseUrl + "/sessions/", found.Value, StringComparison.Ordinal);
            Assert.Contains(found.Value, confirmation.HtmlBody, StringComparison.Ordinal);
            if (language == "nl")
            {
                (dutchLink, dutchEmail) = (found.Value, email);
            }
        }

        // Not signed in: the link goes through the sign-in page and lands on the enrollment.
        var page = await app.NewPageAsync(Phone);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync(dutchLink!);
        await Expect(page.Locator("#Email")).ToBeVisibleAsync();
        await SignInAsync(page, dutchEmail!, TestAccounts.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/sessions/{session}"));
        await Expect(page.Locator("#my-enrollment")).ToBeVisibleAsync();
        await page.AuditAsync("phone-nl-manager-enrollment-from-email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inschrijving annuleren" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("geannuleerd");
        Assert.Equal("Cancelled", await app.Database.ScalarAsync<string>(
            "SELECT e.status FROM enrollments.enrollments e JOIN cluster_managers.managers m ON m.id = e.cluster_manager_id WHERE m.email = @email AND e.session_id = @session",
            ("email", dutchEmail!), ("session", session)));
    }

    [Fact]
    public async Task Activation_signs_the_manager_in_and_a_used_link_says_so_in_their_language()
    {
        var api = await app.StaffApiAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var cluster = (await api.CreateClusterAsync(new ClusterRequest($"Activation cluster {tag}", "SpearheadCluster")).Expect(HttpStatusCode.Created)).Id;
        var email = $"activate.{tag}@cluster.example";
        await api.CreateManagerAsync(new ManagerRequest(cluster, $"Ann Activate {tag}", email, "en")).Expect(HttpStatusCode.Created);

        var page = await ActivatedManagerAsync(email);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sessions$"));
        var link = ActivationLink().Match((await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(email, StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "Invitation")).TextBody!).Value;

        // The link a second time, in another browser: it says it was used, and offers to sign in.
        var again = await app.NewPageAsync();
        foreach (var (language, used, signIn) in new[]
                 {
                     ("nl", "Deze uitnodigingslink werd al gebruikt: uw account is actief.", "Aanmelden"),
                     ("fr", "Ce lien d'invitation a déjà été utilisé : votre compte est actif.", "Se connecter"),
                     ("en", "This invitation link was already used: your account is active.", "Sign in"),
                 })
        {
            await again.GotoAsync(link);
            await again.Locator($"button[value={language}]").ClickAsync();
            await again.Locator("#Password").FillAsync("Another-Password-2027");
            await again.Locator("#Confirm").FillAsync("Another-Password-2027");
            await again.Locator("main button[type=submit]").ClickAsync();
            await Expect(again.Locator("main")).ToContainTextAsync(used);
            await Expect(again.Locator("main").GetByRole(AriaRole.Link, new() { Name = signIn, Exact = true })).ToBeVisibleAsync();
            await again.AuditAsync($"{language}-activation-link-used");
        }
    }
}
