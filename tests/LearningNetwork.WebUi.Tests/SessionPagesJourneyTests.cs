using System.Globalization;
using System.Net;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// A session's page reads first (a summary), and each change is a page of its own; the list
/// finds sessions by title, a draft is told apart in words, and the calendar shows today.
/// </summary>
[Collection(BrowserCollections.C)]
public sealed class SessionPagesJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Theory]
    [InlineData("nl", false, "Ontwerp", "Deelnemers", "Wijzigen", "Verplaatsen", "Sessie annuleren", "Dupliceren", "Vandaag")]
    [InlineData("fr", false, "Brouillon", "Participants", "Modifier", "Reprogrammer", "Annuler la session", "Dupliquer", "Aujourd'hui")]
    [InlineData("en", false, "Draft", "Participants", "Edit", "Reschedule", "Cancel the session", "Duplicate", "Today")]
    [InlineData("nl", true, "Ontwerp", "Deelnemers", "Wijzigen", "Verplaatsen", "Sessie annuleren", "Dupliceren", "Vandaag")]
    [InlineData("fr", true, "Brouillon", "Participants", "Modifier", "Reprogrammer", "Annuler la session", "Dupliquer", "Aujourd'hui")]
    [InlineData("en", true, "Draft", "Participants", "Edit", "Reschedule", "Cancel the session", "Duplicate", "Today")]
    public async Task Staff_read_a_session_first_find_it_by_title_duplicate_it_and_tell_drafts_and_today_apart(
        string language, bool phone, string draft, string participants, string edit, string reschedule, string cancel, string duplicate, string today)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var width = phone ? "phone" : "desktop";
        var api = await app.StaffApiAsync();
        var published = await SessionThroughApiAsync(api, $"Kick-off {tag}", daysAhead: 12, publish: true);
        var drafted = await SessionThroughApiAsync(api, $"Draft plan {tag}", daysAhead: 13, publish: false);

        var staff = await StaffInAsync(language, phone ? Phone : null);

        // The list finds both by a word of their title, in any case, and says which is a draft.
        await staff.GotoAsync($"/staff/sessions?search={tag.ToUpperInvariant()}");
        await Expect(staff.Locator("tbody tr")).ToHaveCountAsync(2);
        var draftRow = staff.Locator("tbody tr", new() { HasText = $"Draft plan {tag}" });
        await Expect(draftRow).ToHaveClassAsync("draft");
        await Expect(draftRow.Locator(".badge")).ToHaveTextAsync(draft);
        await Expect(staff.Locator("tbody tr", new() { HasText = $"Kick-off {tag}" }).Locator(".badge")).Not.ToHaveTextAsync(draft);
        await staff.AuditAsync($"staff-sessions-search-{language}-{width}");

        // The session's page is a summary: when, where, seats, network, materials, status.
        await staff.GetByRole(AriaRole.Link, new() { Name = $"Kick-off {tag}" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Kick-off {tag}");
        var summary = staff.Locator("dl.summary");
        await Expect(summary).ToContainTextAsync("Gent");
        await Expect(summary.Locator("#seats")).ToContainTextAsync("0");
        await Expect(summary).ToContainTextAsync("Europe/Brussels");
        await Expect(staff.Locator("#Form_Title")).ToHaveCountAsync(0); // reading first: no form of the session's fields here
        await staff.AuditAsync($"staff-session-summary-{language}-{width}");

        // Each change has its own page, one step away, and a way back.
        var subnav = staff.Locator("nav.subnav");
        foreach (var (name, path, field) in new[] { (edit, "edit", "#Form_Title"), (reschedule, "reschedule", "#NewStart"), (cancel, "cancel", "#Reason"), (participants, "participants", "#managerSearch") })
        {
            await subnav.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await Assertions.Expect(staff).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/staff/sessions/{published}/{path}$"));
            await Expect(staff.Locator(field)).ToBeVisibleAsync();
            await Expect(subnav.Locator("a[aria-current=page]")).ToHaveTextAsync(name);
            await staff.AuditAsync($"staff-session-{path}-{language}-{width}");
        }

        // Duplicate: a new draft prefilled from the session; only the title and the day change.
        await subnav.GetByRole(AriaRole.Link, new() { Name = duplicate }).ClickAsync();
        await Expect(staff.Locator("#copy-notice")).ToBeVisibleAsync();
        await Expect(staff.Locator("#Form_Title")).ToHaveValueAsync($"Kick-off {tag}");
        await Expect(staff.Locator("#Form_Location")).ToHaveValueAsync("Gent");
        await Expect(staff.Locator("#Form_Capacity")).ToHaveValueAsync("7");
        await staff.AuditAsync($"staff-session-duplicate-{language}-{width}");
        var later = DateTime.UtcNow.Date.AddDays(40).AddHours(9);
        await staff.Locator("#Form_Title").FillAsync($"Kick-off again {tag}");
        await staff.Locator("#Form_Start").FillAsync(later.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await staff.Locator("#Form_End").FillAsync(later.AddHours(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await staff.Locator("main form button[type=submit]").ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Kick-off again {tag}");
        await Expect(staff.Locator("main .badge").First).ToHaveTextAsync(draft);
        var copy = await api.GetSessionAsync(Guid.Parse(staff.Url.Split('/')[^1])).Expect(HttpStatusCode.OK);
        Assert.Equal("Gent", copy.Location);
        Assert.Equal(7, copy.Capacity);
        Assert.Equal(SessionState.Draft, copy.Status);
        Assert.Equal($"Kick-off {tag}", (await api.GetSessionAsync(published).Expect(HttpStatusCode.OK)).Title); // the original is untouched

        // The calendar of the draft's month: the draft says so in words, not colour alone.
        var draftDay = DateTime.Parse((await api.GetSessionAsync(drafted).Expect(HttpStatusCode.OK)).Start, CultureInfo.InvariantCulture);
        await staff.GotoAsync($"/staff/sessions?view=calendar&search={tag}&month={draftDay:yyyy-MM}");
        var draftEntry = staff.Locator(".calendar .entry", new() { HasText = $"Draft plan {tag}" });
        await Expect(draftEntry).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bdraft\b"));
        await Expect(draftEntry).ToContainTextAsync(draft);

        // "Today" leads to the current month, where today is marked (also for assistive technology).
        await staff.GetByRole(AriaRole.Link, new() { Name = today, Exact = true }).ClickAsync();
        var todayCell = staff.Locator(".calendar .day[aria-current=date]");
        await Expect(todayCell).ToHaveCountAsync(1);
        await Expect(todayCell).ToContainTextAsync(today);
        Assert.Contains($"month={TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Brussels"):yyyy-MM}", staff.Url, StringComparison.Ordinal);
        await staff.AuditAsync($"staff-sessions-calendar-today-{language}-{width}");
    }
}
