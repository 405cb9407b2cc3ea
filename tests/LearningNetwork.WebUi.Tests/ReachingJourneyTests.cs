using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// Reaching people through the UI: staff write a session in two languages, message its
/// participants and announce it to a cluster after counting the audience; a French manager reads
/// it in French and turns announcements off on their preferences page.
/// </summary>
[Collection(BrowserCollections.C)]
public sealed class ReachingJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task Staff_write_a_session_in_two_languages_message_its_participants_and_announce_it_and_a_manager_sets_preferences()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var title = $"Subsidieregels {tag}";
        var frenchTitle = $"Règles de subvention {tag}";
        using var api = await app.StaffClientAsync();
        var enrolled = (await app.CreateManagersAsync(api, 1, language: "fr"))[0];
        var others = await app.CreateManagersAsync(api, 2, language: "en");
        var enrolledEmail = await app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", enrolled));
        var otherCluster = await app.Database.ScalarAsync<string>(
            "SELECT c.name FROM cluster_managers.clusters c JOIN cluster_managers.managers m ON m.cluster_id = c.id WHERE m.id = @id", ("id", others[0]));

        // Staff write the session with its French title and description.
        var staff = await StaffInEnglishAsync();
        staff.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await staff.GotoAsync("/staff/sessions/new");
        var start = DateTime.UtcNow.Date.AddDays(30).AddHours(10);
        await staff.Locator("#Form_Title").FillAsync(title);
        await staff.Locator("#Form_Translations_Fr_Title").FillAsync(frenchTitle);
        await staff.Locator("#Form_Translations_Fr_Description").FillAsync("Ce qui change en 2027.");
        await staff.Locator("#Form_Start").FillAsync(start.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await staff.Locator("#Form_End").FillAsync(start.AddHours(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await staff.Locator("#Form_Capacity").FillAsync("10");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        var sessionUrl = staff.Url;
        await staff.GotoAsync(sessionUrl + "/edit");
        await Expect(staff.Locator("#Form_Translations_Fr_Title")).ToHaveValueAsync(frenchTitle);
        await staff.GotoAsync(sessionUrl);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("published");
        (await api.PostAsync($"{new Uri(sessionUrl).AbsolutePath.Replace("/staff/sessions/", "/api/sessions/", StringComparison.Ordinal)}/enrollments",
            System.Net.Http.Json.JsonContent.Create(new { clusterManagerId = enrolled }))).EnsureSuccessStatusCode();

        // A message to the confirmed participants; its line break survives.
        await staff.GotoAsync(sessionUrl + "/participants");
        await staff.Locator("#Message_To").SelectOptionAsync("Confirmed");
        await staff.Locator("#Message_Subject").FillAsync("Parking");
        await staff.Locator("#Message_Body").FillAsync("Use the back entrance.\nThe front is closed.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send the message" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync("on its way to 1 person");
        var message = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(enrolledEmail, StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "SessionMessage");
        Assert.Contains("Use the back entrance.<br>The front is closed.", message.HtmlBody, StringComparison.Ordinal);

        // The announcement: the other cluster, counted first, then sent.
        await staff.GotoAsync(sessionUrl);
        await staff.Locator("#Announce_ClusterIds").SelectOptionAsync(new SelectOptionValue { Label = otherCluster });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Count recipients" }).ClickAsync();
        await Expect(staff.Locator("#announce-count")).ToContainTextAsync("2 cluster managers would receive");
        await Expect(staff.Locator("#Announce_ClusterIds option:checked")).ToHaveTextAsync(otherCluster);
        await staff.AuditAsync("staff-session-announce-count");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send the announcement" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync("on its way to 2 cluster managers");

        // The send log lists the new kinds.
        await staff.GotoAsync("/staff/emails");
        await staff.Locator("#kind").SelectOptionAsync("SessionAnnounced");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(staff.Locator("tbody tr")).ToHaveCountAsync(2);

        // The staff session page passes the accessibility check in every language.
        foreach (var language in new[] { "nl", "fr", "en" })
        {
            await staff.Locator($"button[value={language}]").ClickAsync();
            await staff.GotoAsync(sessionUrl);
            await staff.AuditAsync($"staff-{language}-session-reaching");
        }

        // The French manager reads the session in French, and turns announcements off.
        var manager = await ActivatedManagerAsync(enrolledEmail);
        await manager.GotoAsync("/sessions");
        await Expect(manager.Locator("li.card", new() { HasText = frenchTitle })).ToContainTextAsync("Ce qui change en 2027.");
        await manager.GotoAsync("/my-sessions");
        await Expect(manager.Locator("main .cards")).ToContainTextAsync(frenchTitle);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Préférences" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Préférences");
        await Expect(manager.Locator("#Announcements")).ToBeCheckedAsync();
        await manager.AuditAsync("manager-fr-preferences");
        await manager.Locator("#Announcements").UncheckAsync();
        await manager.Locator("#PreferredLanguage").SelectOptionAsync("en");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les préférences" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("Your preferences are saved.");
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Preferences");
        await Expect(manager.Locator("#Announcements")).Not.ToBeCheckedAsync();
        await manager.AuditAsync("manager-en-preferences");
        Assert.False(await app.Database.ScalarAsync<bool>("SELECT announcements FROM cluster_managers.managers WHERE id = @id", ("id", enrolled)));
        await manager.Locator("button[value=nl]").ClickAsync();
        await manager.GotoAsync("/account/preferences");
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Voorkeuren");
        await manager.AuditAsync("manager-nl-preferences");
    }
}
