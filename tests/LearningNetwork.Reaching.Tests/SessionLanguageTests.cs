using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;
using static LearningNetwork.Reaching.Tests.Reaching;

namespace LearningNetwork.Reaching.Tests;

/// <summary>A session written in nl, en and fr: each manager reads it in their language, in emails, calendars and the API.</summary>
public sealed class SessionLanguageTests(ReachingApp app) : IClassFixture<ReachingApp>
{
    private static readonly Dictionary<string, Text> Texts = new()
    {
        ["fr"] = new Text("Règles de subvention 2027", "Ce qui change pour les clusters."),
        ["en"] = new Text("Grant rules 2027", "What changes for clusters."),
    };

    [Fact]
    public async Task A_French_manager_gets_the_French_title_in_the_confirmation_and_its_calendar_file_and_a_Dutch_one_the_default()
    {
        using var staff = await app.StaffClientAsync();
        var french = (await app.CreateManagersAsync(staff, 1, language: "fr"))[0];
        var dutch = (await app.CreateManagersAsync(staff, 1, language: "nl"))[0];
        var title = $"Subsidieregels 2027 {Guid.NewGuid():N}";
        var session = await staff.ScheduleAndPublishAsync(Draft(title, Texts, description: "Wat verandert er voor clusters."));

        await staff.EnrollAsync(session.Id, french);
        await staff.EnrollAsync(session.Id, dutch);

        var toFrench = await app.Smtp.WaitForAsync(await app.EmailOfAsync(french), "EnrollmentConfirmed", m => m.Headers["X-LearningNetwork-Session"] == session.Id.ToString());
        Assert.Contains("Règles de subvention 2027", toFrench.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(title, toFrench.Subject, StringComparison.Ordinal);
        Assert.Contains("Règles de subvention 2027", toFrench.TextBody, StringComparison.Ordinal);
        Assert.Equal("Règles de subvention 2027", IcsValue(toFrench.Ics(), "SUMMARY"));
        Assert.StartsWith("Ce qui change pour les clusters.", IcsValue(toFrench.Ics(), "DESCRIPTION"), StringComparison.Ordinal);

        var toDutch = await app.Smtp.WaitForAsync(await app.EmailOfAsync(dutch), "EnrollmentConfirmed", m => m.Headers["X-LearningNetwork-Session"] == session.Id.ToString());
        Assert.Contains(title, toDutch.Subject, StringComparison.Ordinal);
        Assert.Equal(title, IcsValue(toDutch.Ics(), "SUMMARY"));

        // The same UID in both languages: it is one event, whatever language a calendar shows it in.
        Assert.Equal(IcsValue(toDutch.Ics(), "UID"), IcsValue(toFrench.Ics(), "UID"));
        var englishFile = await staff.GetStringAsync($"/api/sessions/{session.Id}/calendar.ics?language=en");
        Assert.Equal("Grant rules 2027", IcsValue(englishFile, "SUMMARY"));
        Assert.Equal(title, IcsValue(await staff.GetStringAsync($"/api/sessions/{session.Id}/calendar.ics"), "SUMMARY"));
    }

    [Fact]
    public async Task A_French_managers_calendar_feed_shows_the_French_title()
    {
        using var staff = await app.StaffClientAsync();
        var (managerId, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var entry = await staff.GetFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>($"/api/cluster-managers/{managerId}");
        await (await staff.PutAsJsonAsync($"/api/cluster-managers/{managerId}", new
        {
            clusterId = entry!["clusterId"].GetGuid(), fullName = entry["fullName"].GetString(), email = entry["email"].GetString(), preferredLanguage = "fr",
        })).ShouldBe(HttpStatusCode.OK);
        var session = await staff.ScheduleAndPublishAsync(Draft("Subsidieregels", Texts));
        await staff.EnrollAsync(session.Id, managerId);

        var feed = (await manager.GetFromJsonAsync<Dictionary<string, string>>("/api/me/calendar-feed"))!["url"];
        using var calendarApp = app.CreateClient();
        var ics = await calendarApp.GetStringAsync(new Uri(feed).PathAndQuery);

        Assert.Equal("Règles de subvention 2027", IcsValue(ics, "SUMMARY"));
    }

    [Fact]
    public async Task Responses_carry_the_translations_an_edit_that_leaves_them_out_keeps_them_and_an_empty_object_removes_them()
    {
        using var staff = await app.StaffClientAsync();
        var session = await staff.ScheduleAsync(Draft("Subsidieregels", Texts));
        Assert.Equal(Texts["fr"], session.Translations["fr"]);
        Assert.Equal(["en", "fr"], session.Translations.Keys.Order());

        var kept = await (await staff.EditAsync(session.Id, Edit(session) with { Location = "Brussel" })).Typed<Session>(HttpStatusCode.OK);
        Assert.Equal(2, kept.Translations.Count);
        Assert.Equal("Brussel", kept.Location);

        var changed = await (await staff.EditAsync(session.Id, Edit(session) with { Translations = new Dictionary<string, Text> { ["nl"] = new("Subsidieregels (NL)") } }))
            .Typed<Session>(HttpStatusCode.OK);
        Assert.Equal(["nl"], changed.Translations.Keys);
        Assert.Null(changed.Translations["nl"].Description);

        var removed = await (await staff.EditAsync(session.Id, Edit(session) with { Translations = new Dictionary<string, Text>() })).Typed<Session>(HttpStatusCode.OK);
        Assert.Empty(removed.Translations);
        Assert.Empty((await staff.GetAsync(session.Id)).Translations);
    }

    [Fact]
    public async Task A_translation_in_another_language_or_without_its_title_is_refused_naming_the_field()
    {
        using var staff = await app.StaffClientAsync();

        await (await staff.PostAsJsonAsync("/api/sessions", Draft("x", new Dictionary<string, Text> { ["de"] = new("Förderregeln") })))
            .ShouldNameInvalidField("translations.de");
        await (await staff.PostAsJsonAsync("/api/sessions", Draft("x", new Dictionary<string, Text> { ["fr"] = new(" ", "Sans titre") })))
            .ShouldNameInvalidField("translations.fr.title");
        await (await staff.PostAsJsonAsync("/api/sessions", Draft("x", new Dictionary<string, Text> { ["en"] = new(new string('x', 201)) })))
            .ShouldNameInvalidField("translations.en.title");
    }

    [Fact]
    public async Task Every_session_of_a_series_carries_the_series_translations()
    {
        using var staff = await app.StaffClientAsync();
        var first = DateTime.UtcNow.Date.AddDays(30).AddHours(15);
        var series = await (await staff.PostAsJsonAsync("/api/series", new NewSeries(
                "Intervisie", "LearningNetworkMeeting", "Europe/Brussels", Local(first), 90, "FREQ=WEEKLY;COUNT=3", 12, Texts)))
            .Typed<SeriesCreated>(HttpStatusCode.Created);

        Assert.Equal(3, series.SessionIds.Count);
        foreach (var id in series.SessionIds)
        {
            Assert.Equal("Grant rules 2027", (await staff.GetAsync(id)).Translations["en"].Title);
        }
    }
}
