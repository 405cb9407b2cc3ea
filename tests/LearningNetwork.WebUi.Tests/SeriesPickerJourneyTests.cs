using System.Globalization;
using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// A series is chosen in words (every first Tuesday, every other week on Monday and Thursday),
/// its dates are shown before saving, and what is saved is what was shown; a rule written by
/// hand that cannot be read is explained in the page's language.
/// </summary>
[Collection(BrowserCollections.B)]
public sealed class SeriesPickerJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Theory]
    [InlineData("nl", false, "Toon de data", "Bewaren als ontwerpen", "dinsdag", "De waarde in 'BYDAY=9XX' van de regel is niet geldig.")]
    [InlineData("fr", false, "Afficher les dates", "Enregistrer comme brouillons", "mardi", "La valeur dans 'BYDAY=9XX' de la règle n'est pas valide.")]
    [InlineData("en", false, "Show the dates", "Save as drafts", "Tuesday", "The value in 'BYDAY=9XX' of the rule is not valid.")]
    [InlineData("nl", true, "Toon de data", "Bewaren als ontwerpen", "dinsdag", "De waarde in 'BYDAY=9XX' van de regel is niet geldig.")]
    [InlineData("fr", true, "Afficher les dates", "Enregistrer comme brouillons", "mardi", "La valeur dans 'BYDAY=9XX' de la règle n'est pas valide.")]
    [InlineData("en", true, "Show the dates", "Save as drafts", "Tuesday", "The value in 'BYDAY=9XX' of the rule is not valid.")]
    public async Task Staff_build_a_series_from_the_picker_and_see_its_dates_before_saving(
        string language, bool phone, string showDates, string save, string tuesday, string badRule)
    {
        var title = $"Intervisie {Guid.NewGuid():N}"[..22];
        var width = phone ? "phone" : "desktop";
        // The first Tuesday of the month after next, at 16:00.
        var month = DateTime.UtcNow.Date.AddDays(1 - DateTime.UtcNow.Day).AddMonths(2);
        var firstTuesday = Enumerable.Range(0, 7).Select(d => month.AddDays(d)).Single(d => d.DayOfWeek == DayOfWeek.Tuesday);
        var staff = await StaffInAsync(language, phone ? Phone : null);
        await staff.GotoAsync("/staff/series/new");
        await staff.Locator("#Form_Title").FillAsync(title);
        await staff.Locator("#Form_FirstStart").FillAsync(firstTuesday.AddHours(16).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await staff.Locator("#Form_DurationMinutes").FillAsync("90");
        await staff.Locator("#Form_Capacity").FillAsync("12");

        // Every first Tuesday of the month, six times: six Tuesdays at 16:00 shown, nothing saved yet.
        await staff.Locator("#Form_Pattern").SelectOptionAsync("MonthlyWeekday");
        await staff.Locator("#Form_Ordinal").SelectOptionAsync("1");
        await staff.Locator("#Form_Weekday").SelectOptionAsync("TU");
        await staff.Locator("#Form_Ends_Count").CheckAsync();
        await staff.Locator("#Form_Count").FillAsync("6");
        await staff.GetByRole(AriaRole.Button, new() { Name = showDates }).ClickAsync();
        var dates = staff.Locator("#preview-dates li");
        await Expect(dates).ToHaveCountAsync(6);
        foreach (var date in await dates.AllInnerTextsAsync())
        {
            Assert.Contains(tuesday, date, StringComparison.Ordinal);
            Assert.Contains("16:00", date, StringComparison.Ordinal);
        }

        await Expect(staff.Locator("#preview")).ToContainTextAsync("FREQ=MONTHLY;BYDAY=1TU;COUNT=6");
        Assert.Equal(0, await SessionsTitledAsync(title));
        await staff.AuditAsync($"staff-series-preview-monthly-{language}-{width}");

        // A rule written by hand that cannot be read: said in the page's language, at the top.
        await staff.Locator("#Form_Pattern").SelectOptionAsync("Own");
        await staff.Locator("details:has(#Form_Recurrence) > summary").ClickAsync();
        await staff.Locator("#Form_Recurrence").FillAsync("FREQ=MONTHLY;BYDAY=9XX;COUNT=3");
        await staff.GetByRole(AriaRole.Button, new() { Name = showDates }).ClickAsync();
        await Expect(staff.Locator("#error-summary")).ToContainTextAsync(badRule);
        await Expect(staff.Locator("#Form_Recurrence")).ToHaveAttributeAsync("aria-invalid", "true");
        await staff.AuditAsync($"staff-series-bad-rule-{language}-{width}");

        // Every other week on Monday and Thursday until a date: shown, then saved as shown.
        await staff.Locator("#Form_Pattern").SelectOptionAsync("Weekly");
        await staff.Locator("#Form_Interval").FillAsync("2");
        await staff.Locator("#Form_Weekdays_MO").CheckAsync();
        await staff.Locator("#Form_Weekdays_TH").CheckAsync();
        await staff.Locator("#Form_Ends_Until").CheckAsync();
        await staff.Locator("#Form_Until").FillAsync(firstTuesday.AddDays(41).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.GetByRole(AriaRole.Button, new() { Name = showDates }).ClickAsync();
        await Expect(staff.Locator("#preview")).ToContainTextAsync("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=");
        var shown = await dates.AllInnerTextsAsync();
        // Thursday of the first week, then Monday and Thursday every other week, up to the Monday 41 days on.
        Assert.Equal(6, shown.Count);
        await staff.AuditAsync($"staff-series-preview-weekly-{language}-{width}");

        await staff.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
        await Expect(staff.Locator("nav.subnav")).ToBeVisibleAsync();
        var api = await app.StaffApiAsync();
        var saved = (await api.GetSessionsAsync(new SessionQuery(Search: title, PageSize: 200)).Expect(HttpStatusCode.OK))
            .Items.Select(s => DateTime.Parse(s.Start, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(shown.Count, saved.Count);
        Assert.All(saved, s => Assert.True(s.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday && s.Hour == 16, $"{s:O}"));
        Assert.Equal(firstTuesday.AddDays(2), saved[0].Date);
        Assert.Equal(firstTuesday.AddDays(41), saved[^1].Date);
        for (var i = 0; i < saved.Count; i++)
        {
            Assert.Contains(saved[i].ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(language)), shown[i], StringComparison.Ordinal);
        }
    }

    private Task<long> SessionsTitledAsync(string title) =>
        app.Database.ScalarAsync<long>("SELECT count(*) FROM sessions.sessions WHERE title = @t", ("t", title));
}
