using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearningNetwork.Testing;

namespace LearningNetwork.Sessions.Tests.Http;

/// <summary>Staff schedule, edit, publish, reschedule and cancel sessions through the API.</summary>
public sealed class SessionLifecycleApiTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_scheduled_session_is_a_draft_with_local_times_UTC_instants_and_the_kind_defaults()
    {
        using var staff = await app.StaffClientAsync();
        var body = SessionRequests.ValidSession();
        body["start"] = "2027-07-06T14:00";
        body["end"] = "2027-07-06T16:30";

        var response = await staff.PostAsJsonAsync("/api/sessions", body);

        await response.ShouldBe(HttpStatusCode.Created);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/sessions/{session.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Draft", session.Str("status"));
        Assert.Equal("2027-07-06T14:00", session.Str("start"));
        Assert.Equal("2027-07-06T16:30", session.Str("end"));
        Assert.Equal("2027-07-06T12:00:00Z", session.Str("startsAt"));
        Assert.Equal("2027-07-06T14:30:00Z", session.Str("endsAt"));
        Assert.Equal(20, session.GetProperty("seatsLeft").GetInt32());
        Assert.Equal(0, session.GetProperty("waitlistLength").GetInt32());
        Assert.Equal([10080, 1440], session.GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("minutesBefore").GetInt32()));
        Assert.Equal([1440], session.GetProperty("followUps").EnumerateArray().Select(r => r.GetProperty("minutesAfter").GetInt32()));
        Assert.True(Guid.Parse(session.Id()).Version == 7);
    }

    [Fact]
    public async Task A_learning_network_meeting_gets_its_own_defaults_and_given_rules_win()
    {
        using var staff = await app.StaffClientAsync();

        var meeting = await staff.ScheduleAsync(SessionRequests.ValidSession(kind: "LearningNetworkMeeting"));
        var custom = SessionRequests.ValidSession();
        custom["reminders"] = new JsonArray(new JsonObject { ["minutesBefore"] = 30 });
        var withRules = await staff.ScheduleAsync(custom);

        Assert.Equal([4320, 60], meeting.GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("minutesBefore").GetInt32()));
        Assert.Equal([30], withRules.GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("minutesBefore").GetInt32()));
        Assert.Equal([1440], withRules.GetProperty("followUps").EnumerateArray().Select(r => r.GetProperty("minutesAfter").GetInt32()));
    }

    [Fact]
    public async Task An_ambiguous_fall_back_time_means_its_first_occurrence()
    {
        using var staff = await app.StaffClientAsync();
        var night = SessionRequests.NextFallBackSunday();
        var body = SessionRequests.ValidSession();
        body["start"] = SessionRequests.Local(night.AddHours(2).AddMinutes(30));
        body["end"] = SessionRequests.Local(night.AddHours(4));

        var session = await staff.ScheduleAsync(body);

        Assert.Equal(night.AddMinutes(30), session.GetProperty("startsAt").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task The_list_finds_sessions_by_a_part_of_their_title_in_any_case_and_takes_wildcards_literally()
    {
        using var staff = await app.StaffClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..12];
        foreach (var title in new[] { $"Budget workshop {tag}", $"Budget 100% {tag}", $"Other {tag}" })
        {
            var body = SessionRequests.ValidSession();
            body["title"] = title;
            await staff.ScheduleAsync(body);
        }

        async Task<string[]> TitlesAsync(string search) =>
            (await staff.GetFromJsonAsync<JsonElement>($"/api/sessions?pageSize=200&search={Uri.EscapeDataString(search)}"))
                .GetProperty("items").EnumerateArray().Select(s => s.Str("title")).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal([$"Budget 100% {tag}", $"Budget workshop {tag}", $"Other {tag}"], await TitlesAsync(tag.ToUpperInvariant()));
        Assert.Equal([$"Budget workshop {tag}"], await TitlesAsync($"WORKSHOP {tag}"));
        Assert.Equal([$"Budget 100% {tag}"], await TitlesAsync($"100% {tag}"));
        Assert.Empty(await TitlesAsync($"Budget _orkshop {tag}"));
        await (await staff.GetAsync($"/api/sessions?search={new string('x', 201)}")).ShouldNameInvalidField("search");
    }

    [Fact]
    public async Task Publishing_makes_the_session_published_and_announces_it_through_the_outbox()
    {
        using var staff = await app.StaffClientAsync();
        var session = await staff.ScheduleAsync();

        var response = await staff.PostAsync($"/api/sessions/{session.Id()}/publish", null);

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Published", (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("status"));
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM sessions.outbox_messages WHERE type LIKE '%SessionPublished,%' AND payload->'session'->>'sessionId' = @id AND processed_at IS NOT NULL",
            ("id", session.Id())) == 1);
    }

    [Fact]
    public async Task Publishing_twice_is_a_409()
    {
        using var staff = await app.StaffClientAsync();
        var session = await staff.PublishedAsync();

        var response = await staff.PostAsync($"/api/sessions/{session.Id()}/publish", null);

        await response.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rescheduling_moves_the_session_raises_the_calendar_sequence_and_announces_it()
    {
        using var staff = await app.StaffClientAsync();
        var session = await staff.PublishedAsync();
        var newStart = DateTime.UtcNow.Date.AddDays(40).AddHours(9);

        var response = await staff.PostAsJsonAsync($"/api/sessions/{session.Id()}/reschedule",
            new { start = SessionRequests.Local(newStart), end = SessionRequests.Local(newStart.AddHours(3)) });

        await response.ShouldBe(HttpStatusCode.OK);
        var moved = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(SessionRequests.Local(newStart), moved.Str("start"));
        Assert.Equal(1, moved.GetProperty("sequence").GetInt32());
        var ics = await staff.GetStringAsync($"/api/sessions/{session.Id()}/calendar.ics");
        Assert.Contains("SEQUENCE:1", ics);
        Assert.Equal(1, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM sessions.outbox_messages WHERE type LIKE '%SessionRescheduled,%' AND payload->'session'->>'sessionId' = @id",
            ("id", session.Id())));
    }

    [Fact]
    public async Task Rescheduling_into_the_spring_forward_gap_is_a_400_and_keeps_the_old_times()
    {
        using var staff = await app.StaffClientAsync();
        var session = await staff.PublishedAsync();
        var gap = SessionRequests.NextSpringForwardSunday().AddHours(2).AddMinutes(15);

        var response = await staff.PostAsJsonAsync($"/api/sessions/{session.Id()}/reschedule",
            new { start = SessionRequests.Local(gap), end = SessionRequests.Local(gap.AddHours(2)) });

        await response.ShouldNameInvalidField("start");
        var stored = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{session.Id()}");
        Assert.Equal(session.Str("start"), stored.Str("start"));
    }

    [Fact]
    public async Task Cancelling_tells_why_and_a_second_cancel_is_a_409()
    {
        using var staff = await app.StaffClientAsync();
        var session = await staff.PublishedAsync();

        var response = await staff.PostAsJsonAsync($"/api/sessions/{session.Id()}/cancel", new { reason = "De spreker is ziek" });
        var again = await staff.PostAsJsonAsync($"/api/sessions/{session.Id()}/cancel", new { reason = "again" });

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Cancelled", (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("status"));
        await again.ShouldBe(HttpStatusCode.Conflict);
        var ics = await staff.GetStringAsync($"/api/sessions/{session.Id()}/calendar.ics");
        Assert.Contains("METHOD:CANCEL", ics);
        Assert.Contains("STATUS:CANCELLED", ics);
    }

    [Fact]
    public async Task Cancelling_without_a_reason_names_the_reason()
    {
        using var staff = await app.StaffClientAsync();
        var session = await staff.PublishedAsync();

        await (await staff.PostAsJsonAsync($"/api/sessions/{session.Id()}/cancel", new { reason = " " })).ShouldNameInvalidField("reason");
    }

    [Fact]
    public async Task Editing_changes_the_details_but_not_the_times()
    {
        using var staff = await app.StaffClientAsync();
        var session = await staff.PublishedAsync();

        var response = await staff.PutAsJsonAsync($"/api/sessions/{session.Id()}", new
        {
            title = "Subsidieregels: de nieuwe versie",
            kind = "Training",
            timeZone = "Europe/Brussels",
            onlineUrl = "https://meet.example.org/subsidie",
            capacity = 40,
        });

        await response.ShouldBe(HttpStatusCode.OK);
        var edited = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Subsidieregels: de nieuwe versie", edited.Str("title"));
        Assert.Equal(40, edited.GetProperty("capacity").GetInt32());
        Assert.Equal(session.Str("startsAt"), edited.Str("startsAt"));
        Assert.Equal(JsonValueKind.Null, edited.GetProperty("location").ValueKind);
    }

    [Fact]
    public async Task Times_cannot_be_changed_by_an_edit()
    {
        using var staff = await app.StaffClientAsync();
        var session = await staff.ScheduleAsync();

        var response = await staff.PutAsJsonAsync($"/api/sessions/{session.Id()}", new
        {
            title = "x", kind = "Training", timeZone = "Europe/Brussels", capacity = 5, start = "2030-01-01T10:00",
        });

        await response.ShouldNameInvalidField("start");
    }

    [Fact]
    public async Task The_calendar_file_is_valid_iCalendar_with_a_stable_uid_and_UTC_times()
    {
        using var staff = await app.StaffClientAsync();
        var body = SessionRequests.ValidSession();
        body["start"] = "2027-07-06T14:00";
        body["end"] = "2027-07-06T16:00";
        var session = await staff.PublishedAsync(body);

        var response = await staff.GetAsync($"/api/sessions/{session.Id()}/calendar.ics");

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains($"UID:session-{session.Id()}@learningnetwork", ics);
        Assert.Contains("DTSTART:20270706T120000Z", ics);
        Assert.Contains("DTEND:20270706T140000Z", ics);
        Assert.Contains("METHOD:PUBLISH", ics);
        var parsed = Ical.Net.Calendar.Load(ics);
        Assert.Single(parsed!.Events);
    }

    [Fact]
    public async Task Sessions_are_listed_in_start_order_filtered_and_paged()
    {
        using var staff = await app.StaffClientAsync();
        var baseDay = DateTime.UtcNow.Date.AddDays(200);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var body = SessionRequests.ValidSession();
            body["start"] = SessionRequests.Local(baseDay.AddDays(4 - i).AddHours(10));
            body["end"] = SessionRequests.Local(baseDay.AddDays(4 - i).AddHours(12));
            body["kind"] = i % 2 == 0 ? "Training" : "LearningNetworkMeeting";
            ids.Add((await staff.ScheduleAsync(body)).Id());
        }

        var range = $"from={baseDay:yyyy-MM-dd}&to={baseDay.AddDays(4):yyyy-MM-dd}";
        var page1 = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions?{range}&page=1&pageSize=2");
        var page3 = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions?{range}&page=3&pageSize=2");
        var meetings = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions?{range}&kind=LearningNetworkMeeting");
        var published = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions?{range}&status=Published");

        Assert.Equal(5, page1.GetProperty("total").GetInt32());
        Assert.Equal([ids[4], ids[3]], page1.GetProperty("items").EnumerateArray().Select(s => s.Id()));
        Assert.Equal([ids[0]], page3.GetProperty("items").EnumerateArray().Select(s => s.Id()));
        Assert.Equal(2, meetings.GetProperty("total").GetInt32());
        Assert.Equal(0, published.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Changed_reminder_defaults_apply_to_sessions_scheduled_afterwards()
    {
        using var staff = await app.StaffClientAsync();
        var before = await staff.ScheduleAsync(SessionRequests.ValidSession(kind: "LearningNetworkMeeting"));
        var original = await staff.GetFromJsonAsync<JsonElement>("/api/reminder-defaults");

        var response = await staff.PutAsJsonAsync("/api/reminder-defaults", new
        {
            LearningNetworkMeeting = new { reminders = new[] { new { minutesBefore = 2880 } }, followUps = new[] { new { minutesAfter = 60 } } },
        });
        var after = await staff.ScheduleAsync(SessionRequests.ValidSession(kind: "LearningNetworkMeeting"));
        await staff.PutAsJsonAsync("/api/reminder-defaults", original); // leave the fixture as found

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal([2880], after.GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("minutesBefore").GetInt32()));
        Assert.Equal([60], after.GetProperty("followUps").EnumerateArray().Select(r => r.GetProperty("minutesAfter").GetInt32()));
        var unchanged = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{before.Id()}");
        Assert.Equal([4320, 60], unchanged.GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("minutesBefore").GetInt32()));
        Assert.Equal([10080, 1440], original.GetProperty("Training").GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("minutesBefore").GetInt32()));
    }
}
