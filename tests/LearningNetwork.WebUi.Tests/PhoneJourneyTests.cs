using System.Globalization;
using System.Net;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>At phone width (390 by 844) the menu folds behind a button, lists of people and enrollments are cards whose actions stay on screen, and the calendar is an agenda.</summary>
[Collection(BrowserCollections.D)]
public sealed class PhoneJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task At_phone_width_the_menu_folds_and_the_managers_and_my_sessions_keep_their_actions_on_screen()
    {
        var api = await app.StaffApiAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, email, manager) = await BrowserManagerAsync(api, $"Phone Manager {tag}", "en");
        var session = await api.PublishedSessionAsync(capacity: 5);
        var sessionTitle = session.Title;
        using (manager)
        {
            await manager.Typed().EnrollAsync(session.Id).Expect(HttpStatusCode.Created);
        }

        var staff = await app.NewPageAsync(Phone);
        await staff.GotoAsync("/login");
        await SignInAsync(staff, LearningNetworkApp.StaffEmail, LearningNetworkApp.StaffPassword);
        var month = DateTime.Parse(session.Start, CultureInfo.InvariantCulture).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        foreach (var (language, menu, sessions, deactivate) in new[] { ("nl", "Menu", "Sessies", "Deactiveren"), ("fr", "Menu", "Sessions", "Désactiver"), ("en", "Menu", "Sessions", "Deactivate") })
        {
            await staff.Locator($"button[value={language}]").ClickAsync();
            await staff.GotoAsync($"/staff/managers?search={tag}");
            var nav = staff.Locator("#main-nav");
            await Expect(nav).ToBeHiddenAsync();
            await staff.GetByRole(AriaRole.Button, new() { Name = menu, Exact = true }).ClickAsync();
            await Expect(nav).ToBeVisibleAsync();
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = sessions, Exact = true })).ToBeInViewportAsync();
            await staff.AuditAsync($"phone-{language}-staff-menu-open");
            await staff.GetByRole(AriaRole.Button, new() { Name = menu, Exact = true }).ClickAsync();
            await Expect(nav).ToBeHiddenAsync();

            var card = staff.Locator("li.card", new() { HasText = $"Phone Manager {tag}" });
            await AssertOnScreenAsync(staff, card.GetByRole(AriaRole.Link, new() { Name = deactivate }));
            await staff.AuditAsync($"phone-{language}-staff-managers");

            // The month is an agenda: only days with sessions, ours among them.
            await staff.GotoAsync($"/staff/sessions?view=calendar&month={month}");
            await Expect(staff.Locator(".calendar").GetByRole(AriaRole.Link, new() { Name = sessionTitle })).ToBeVisibleAsync();
            Assert.Equal(0, await staff.EvaluateAsync<int>("() => [...document.querySelectorAll('.calendar .day')].filter(d => getComputedStyle(d).display !== 'none' && !d.querySelector('a')).length"));
            await staff.AuditAsync($"phone-{language}-staff-calendar");
        }

        // Without script the menu simply stays open.
        var noScript = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, JavaScriptEnabled = false, ViewportSize = Phone });
        var plain = await noScript.NewPageAsync();
        await plain.GotoAsync("/login");
        await SignInAsync(plain, email, TestAccounts.Password);
        await Expect(plain.Locator("#main-nav")).ToBeVisibleAsync();
        await Expect(plain.Locator(".menu-toggle")).ToBeHiddenAsync();

        var page = await app.NewPageAsync(Phone);
        await page.GotoAsync("/login");
        await SignInAsync(page, email, TestAccounts.Password);
        foreach (var (language, cancel) in new[] { ("nl", "Inschrijving annuleren"), ("fr", "Annuler l'inscription"), ("en", "Cancel enrollment") })
        {
            await page.Locator($"button[value={language}]").ClickAsync();
            await page.GotoAsync("/my-sessions");
            await AssertOnScreenAsync(page, page.Locator("li.card", new() { HasText = sessionTitle }).GetByRole(AriaRole.Button, new() { Name = cancel }));
            await page.AuditAsync($"phone-{language}-manager-my-sessions");
        }
    }
}
