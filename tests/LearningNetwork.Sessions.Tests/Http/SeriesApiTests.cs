using System.Net;
using System.Net.Http.Json;
using LearningNetwork.ApiClient;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Testing;

namespace LearningNetwork.Sessions.Tests.Http;

public sealed class SeriesApiTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    private static object Series(string recurrence, string? firstStart = null) => new
    {
        title = "Intervisie clustermanagers",
        kind = "LearningNetworkMeeting",
        timeZone = "Europe/Brussels",
        firstStart = firstStart ?? $"{DateTime.UtcNow.Year + 1}-01-05T16:00",
        durationMinutes = 90,
        recurrence,
        capacity = 12,
        onlineUrl = "https://meet.example.org/intervisie",
    };

    /// <summary>The same series, typed.</summary>
    private static SeriesRequest Typed(string recurrence, string? firstStart = null) => new(
        "Intervisie clustermanagers", "LearningNetworkMeeting", "Europe/Brussels", firstStart ?? $"{DateTime.UtcNow.Year + 1}-01-05T16:00", 90, recurrence, 12,
        OnlineUrl: "https://meet.example.org/intervisie");

    [Fact]
    public async Task A_rule_that_never_matches_is_refused_at_once_instead_of_stepping_towards_the_year_9999()
    {
        var staff = await app.StaffApiAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await staff.CreateSeriesAsync(Typed("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3")).ShouldNameInvalidField("recurrence");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_monthly_series_creates_one_draft_per_occurrence_and_publishing_it_publishes_them_all()
    {
        var staff = await app.StaffApiAsync();

        var series = await staff.CreateSeriesAsync(Typed("FREQ=MONTHLY;BYDAY=1TU;COUNT=6")).Expect(HttpStatusCode.Created);

        Assert.Equal(6, series.SessionIds.Count);
        var first = await staff.GetSessionAsync(series.SessionIds[0]).Expect(HttpStatusCode.OK);
        Assert.Equal(series.Id, first.SeriesId);
        Assert.Equal(SessionState.Draft, first.Status);

        await staff.PublishSeriesAsync(series.Id).Expect(HttpStatusCode.OK);

        foreach (var id in series.SessionIds)
        {
            var session = await staff.GetSessionAsync(id).Expect(HttpStatusCode.OK);
            Assert.Equal(SessionState.Published, session.Status);
            Assert.Equal(DayOfWeek.Tuesday, DateTime.Parse(session.Start, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek);
        }
    }

    [Theory]
    [InlineData("FREQ=MONTHLY;BYDAY=1TU;COUNT=6")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=9")]
    [InlineData("FREQ=WEEKLY;BYDAY=SU;COUNT=30")]
    public async Task The_preview_gives_exactly_the_dates_the_series_gets_in_its_zone_and_stores_nothing(string rule)
    {
        var staff = await app.StaffApiAsync();
        // Thirty Sundays cross a change of the clocks: the preview and the series keep 16:00 local alike.
        var firstStart = $"{DateTime.UtcNow.Year + 1}-01-03T16:00";
        var before = await app.Database.ScalarAsync<long>("SELECT count(*) FROM sessions.sessions");

        var preview = await staff.PreviewSeriesAsync(new SeriesPreviewRequest("Europe/Brussels", firstStart, 90, rule)).Expect(HttpStatusCode.OK);

        Assert.Equal(before, await app.Database.ScalarAsync<long>("SELECT count(*) FROM sessions.sessions"));
        Assert.Equal("Europe/Brussels", preview.TimeZone);
        var previewed = preview.Sessions.Select(s => (s.Start, s.End, s.StartsAt, s.EndsAt)).ToList();
        Assert.NotEmpty(previewed);
        Assert.All(previewed, p => Assert.EndsWith("T16:00", p.Start, StringComparison.Ordinal));

        var series = await staff.CreateSeriesAsync(Typed(rule, firstStart)).Expect(HttpStatusCode.Created);
        var saved = new List<(string, string, DateTime, DateTime)>();
        foreach (var id in series.SessionIds)
        {
            var session = await staff.GetSessionAsync(id).Expect(HttpStatusCode.OK);
            saved.Add((session.Start, session.End, session.StartsAt, session.EndsAt));
        }

        Assert.Equal(saved, previewed);
    }

    [Theory]
    [InlineData("fr", "FREQ=MONTHLY;BYDAY=9XX;COUNT=3", "La valeur dans 'BYDAY=9XX' de la règle n'est pas valide.")]
    [InlineData("nl", "FREQ=WEEKLY;COUNT=abc", "De waarde in 'COUNT=abc' van de regel is niet geldig.")]
    [InlineData("nl", "elke dinsdag", "Het deel 'elke dinsdag' van de regel is niet begrijpelijk: schrijf paren NAAM=WAARDE, bv. FREQ=MONTHLY;BYDAY=1TU;COUNT=6.")]
    [InlineData("en", "FREQ=WEEKLY;UNTIL=tomorrow", "The value in 'UNTIL=tomorrow' of the rule is not valid.")]
    public async Task A_bad_rule_is_explained_in_the_callers_language_not_in_the_librarys_words(string language, string rule, string expected)
    {
        using var staff = await app.StaffClientAsync();
        foreach (var path in new[] { "/api/series/preview", "/api/series" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = path.EndsWith("preview", StringComparison.Ordinal)
                    ? JsonContent.Create(new { timeZone = "Europe/Brussels", firstStart = $"{DateTime.UtcNow.Year + 1}-01-05T16:00", durationMinutes = 90, recurrence = rule })
                    : JsonContent.Create(Series(rule)),
            };
            request.Headers.Add("Cookie", $"ln_lang={language}");

            var message = await (await staff.SendAsync(request)).ShouldNameInvalidField("recurrence");

            Assert.Equal(expected, message);
        }
    }

    [Theory]
    [InlineData("FREQ=WEEKLY")]
    [InlineData("FREQ=WEEKLY;COUNT=60")]
    [InlineData("FREQ=SECONDLY;COUNT=3")]
    [InlineData("nonsense")]
    public async Task A_rule_without_an_end_or_with_too_many_sessions_names_the_recurrence(string rule)
    {
        using var staff = await app.StaffClientAsync();

        await (await staff.PostAsJsonAsync("/api/series", Series(rule))).ShouldNameInvalidField("recurrence");
    }

    [Fact]
    public async Task A_first_start_in_the_spring_forward_gap_names_the_first_start()
    {
        using var staff = await app.StaffClientAsync();
        var gap = SessionRequests.NextSpringForwardSunday().AddHours(2).AddMinutes(30);

        await (await staff.PostAsJsonAsync("/api/series", Series("FREQ=WEEKLY;COUNT=3", SessionRequests.Local(gap)))).ShouldNameInvalidField("firstStart");
    }

    [Fact]
    public async Task Publishing_an_unknown_series_is_a_404()
    {
        using var staff = await app.StaffClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync($"/api/series/{Guid.NewGuid()}/publish", null)).StatusCode);
    }
}
