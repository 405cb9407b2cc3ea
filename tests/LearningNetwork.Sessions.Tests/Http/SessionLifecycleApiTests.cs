using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LearningNetwork.ApiClient;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Testing;

namespace LearningNetwork.Sessions.Tests.Http;

/// <summary>Staff schedule, edit, publish, reschedule and cancel sessions through the API.</summary>
public sealed class SessionLifecycleApiTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_scheduled_session_is_a_draft_with_local_times_UTC_instants_and_the_kind_defaults()
    {
        using var http = await app.StaffClientAsync();
        var body = SessionRequests.Valid() with { Start = "2027-07-06T14:00", End = "2027-07-06T16:30" };

        // Raw, for the Location header the typed client does not keep.
        var response = await http.PostAsJsonAsync("/api/sessions", body, LearningNetworkApi.Json);

        await response.ShouldBe(HttpStatusCode.Created);
        var session = (await response.Content.ReadFromJsonAsync<SessionView>(LearningNetworkApi.Json))!;
        Assert.Equal($"/api/sessions/{session.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(SessionState.Draft, session.Status);
        Assert.Equal("2027-07-06T14:00", session.Start);
        Assert.Equal("2027-07-06T16:30", session.End);
        Assert.Equal(new DateTime(2027, 7, 6, 12, 0, 0, DateTimeKind.Utc), session.StartsAt);
        Assert.Equal(DateTimeKind.Utc, session.StartsAt.Kind);
        Assert.Equal(new DateTime(2027, 7, 6, 14, 30, 0, DateTimeKind.Utc), session.EndsAt);
        Assert.Equal(20, session.SeatsLeft);
        Assert.Equal(0, session.WaitlistLength);
        Assert.Equal([10080, 1440], session.Reminders.Select(r => r.MinutesBefore));
        Assert.Equal([1440], session.FollowUps.Select(r => r.MinutesAfter));
        Assert.True(session.Id.Version == 7);
    }

    [Fact]
    public async Task A_learning_network_meeting_gets_its_own_defaults_and_given_rules_win()
    {
        var staff = await app.StaffApiAsync();

        var meeting = await staff.ScheduleAsync(SessionRequests.Valid(kind: "LearningNetworkMeeting"));
        var withRules = await staff.ScheduleAsync(SessionRequests.Valid() with { Reminders = [new ReminderView(30)] });

        Assert.Equal([4320, 60], meeting.Reminders.Select(r => r.MinutesBefore));
        Assert.Equal([30], withRules.Reminders.Select(r => r.MinutesBefore));
        Assert.Equal([1440], withRules.FollowUps.Select(r => r.MinutesAfter));
    }

    [Fact]
    public async Task An_ambiguous_fall_back_time_means_its_first_occurrence()
    {
        var staff = await app.StaffApiAsync();
        var night = SessionRequests.NextFallBackSunday();

        var session = await staff.ScheduleAsync(SessionRequests.Valid() with
        {
            Start = SessionRequests.Local(night.AddHours(2).AddMinutes(30)), End = SessionRequests.Local(night.AddHours(4)),
        });

        Assert.Equal(night.AddMinutes(30), session.StartsAt.ToUniversalTime());
    }

    [Fact]
    public async Task The_list_finds_sessions_by_a_part_of_their_title_in_any_case_and_takes_wildcards_literally()
    {
        var staff = await app.StaffApiAsync();
        var tag = Guid.NewGuid().ToString("N")[..12];
        foreach (var title in new[] { $"Budget workshop {tag}", $"Budget 100% {tag}", $"Other {tag}" })
        {
            await staff.ScheduleAsync(SessionRequests.Valid() with { Title = title });
        }

        async Task<string[]> TitlesAsync(string search) =>
            (await staff.GetSessionsAsync(new SessionQuery(Search: search, PageSize: 200)).Expect(HttpStatusCode.OK))
                .Items.Select(s => s.Title).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal([$"Budget 100% {tag}", $"Budget workshop {tag}", $"Other {tag}"], await TitlesAsync(tag.ToUpperInvariant()));
        Assert.Equal([$"Budget workshop {tag}"], await TitlesAsync($"WORKSHOP {tag}"));
        Assert.Equal([$"Budget 100% {tag}"], await TitlesAsync($"100% {tag}"));
        Assert.Empty(await TitlesAsync($"Budget _orkshop {tag}"));
        await staff.GetSessionsAsync(new SessionQuery(Search: new string('x', 201))).ShouldNameInvalidField("search");
    }

    [Fact]
    public async Task Publishing_makes_the_session_published_and_announces_it_through_the_outbox()
    {
        var staff = await app.StaffApiAsync();
        var session = await staff.ScheduleAsync();

        var published = await staff.PublishSessionAsync(session.Id).Expect(HttpStatusCode.OK);

        Assert.Equal(SessionState.Published, published.Status);
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM sessions.outbox_messages WHERE type LIKE '%SessionPublished,%' AND payload->'session'->>'sessionId' = @id AND processed_at IS NOT NULL",
            ("id", session.Id.ToString())) == 1);
    }

    [Fact]
    public async Task Publishing_twice_is_a_409()
    {
        var staff = await app.StaffApiAsync();
        var session = await staff.PublishedAsync();

        await staff.PublishSessionAsync(session.Id).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rescheduling_moves_the_session_raises_the_calendar_sequence_and_announces_it()
    {
        using var http = await app.StaffClientAsync();
        var staff = http.Typed();
        var session = await staff.PublishedAsync();
        var newStart = DateTime.UtcNow.Date.AddDays(40).AddHours(9);

        var moved = await staff.RescheduleSessionAsync(session.Id, SessionRequests.Local(newStart), SessionRequests.Local(newStart.AddHours(3))).Expect(HttpStatusCode.OK);

        Assert.Equal(SessionRequests.Local(newStart), moved.Start);
        Assert.Equal(1, moved.Sequence);
        var ics = await http.GetStringAsync($"/api/sessions/{session.Id}/calendar.ics");
        Assert.Contains("SEQUENCE:1", ics);
        Assert.Equal(1, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM sessions.outbox_messages WHERE type LIKE '%SessionRescheduled,%' AND payload->'session'->>'sessionId' = @id",
            ("id", session.Id.ToString())));
    }

    [Fact]
    public async Task Rescheduling_into_the_spring_forward_gap_is_a_400_and_keeps_the_old_times()
    {
        var staff = await app.StaffApiAsync();
        var session = await staff.PublishedAsync();
        var gap = SessionRequests.NextSpringForwardSunday().AddHours(2).AddMinutes(15);

        await staff.RescheduleSessionAsync(session.Id, SessionRequests.Local(gap), SessionRequests.Local(gap.AddHours(2))).ShouldNameInvalidField("start");

        var stored = await staff.GetSessionAsync(session.Id).Expect(HttpStatusCode.OK);
        Assert.Equal(session.Start, stored.Start);
    }

    [Fact]
    public async Task Cancelling_tells_why_and_a_second_cancel_is_a_409()
    {
        using var http = await app.StaffClientAsync();
        var staff = http.Typed();
        var session = await staff.PublishedAsync();

        var cancelled = await staff.CancelSessionAsync(session.Id, "De spreker is ziek").Expect(HttpStatusCode.OK);
        await staff.CancelSessionAsync(session.Id, "again").ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal(SessionState.Cancelled, cancelled.Status);
        Assert.Equal("De spreker is ziek", cancelled.CancellationReason);
        var ics = await http.GetStringAsync($"/api/sessions/{session.Id}/calendar.ics");
        Assert.Contains("METHOD:CANCEL", ics);
        Assert.Contains("STATUS:CANCELLED", ics);
    }

    [Fact]
    public async Task Cancelling_without_a_reason_names_the_reason()
    {
        var staff = await app.StaffApiAsync();
        var session = await staff.PublishedAsync();

        await staff.CancelSessionAsync(session.Id, " ").ShouldNameInvalidField("reason");
    }

    [Fact]
    public async Task Editing_changes_the_details_but_not_the_times()
    {
        var staff = await app.StaffApiAsync();
        var session = await staff.PublishedAsync();

        var edited = await staff.UpdateSessionAsync(session.Id, new SessionRequest(
            "Subsidieregels: de nieuwe versie", "Training", "Europe/Brussels", 40, OnlineUrl: "https://meet.example.org/subsidie")).Expect(HttpStatusCode.OK);

        Assert.Equal("Subsidieregels: de nieuwe versie", edited.Title);
        Assert.Equal(40, edited.Capacity);
        Assert.Equal(session.StartsAt, edited.StartsAt);
        Assert.Null(edited.Location);
    }

    [Fact]
    public async Task Times_cannot_be_changed_by_an_edit()
    {
        var staff = await app.StaffApiAsync();
        var session = await staff.ScheduleAsync();

        await staff.UpdateSessionAsync(session.Id, new SessionRequest("x", "Training", "Europe/Brussels", 5, Start: "2030-01-01T10:00"))
            .ShouldNameInvalidField("start");
    }

    [Fact]
    public async Task The_calendar_file_is_valid_iCalendar_with_a_stable_uid_and_UTC_times()
    {
        using var http = await app.StaffClientAsync();
        var session = await http.Typed().PublishedAsync(SessionRequests.Valid() with { Start = "2027-07-06T14:00", End = "2027-07-06T16:00" });

        var response = await http.GetAsync($"/api/sessions/{session.Id}/calendar.ics");

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains($"UID:session-{session.Id}@learningnetwork", ics);
        Assert.Contains("DTSTART:20270706T120000Z", ics);
        Assert.Contains("DTEND:20270706T140000Z", ics);
        Assert.Contains("METHOD:PUBLISH", ics);
        var parsed = Ical.Net.Calendar.Load(ics);
        Assert.Single(parsed!.Events);
    }

    [Fact]
    public async Task Sessions_are_listed_in_start_order_filtered_and_paged()
    {
        var staff = await app.StaffApiAsync();
        var baseDay = DateTime.UtcNow.Date.AddDays(200);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await staff.ScheduleAsync(SessionRequests.Valid(kind: i % 2 == 0 ? "Training" : "LearningNetworkMeeting") with
            {
                Start = SessionRequests.Local(baseDay.AddDays(4 - i).AddHours(10)), End = SessionRequests.Local(baseDay.AddDays(4 - i).AddHours(12)),
            })).Id);
        }

        var (from, to) = (baseDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), baseDay.AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var page1 = await staff.GetSessionsAsync(new SessionQuery(from, to, Page: 1, PageSize: 2)).Expect(HttpStatusCode.OK);
        var page3 = await staff.GetSessionsAsync(new SessionQuery(from, to, Page: 3, PageSize: 2)).Expect(HttpStatusCode.OK);
        var meetings = await staff.GetSessionsAsync(new SessionQuery(from, to, Kind: "LearningNetworkMeeting")).Expect(HttpStatusCode.OK);
        var published = await staff.GetSessionsAsync(new SessionQuery(from, to, Status: "Published")).Expect(HttpStatusCode.OK);

        Assert.Equal(5, page1.Total);
        Assert.Equal([ids[4], ids[3]], page1.Items.Select(s => s.Id));
        Assert.Equal([ids[0]], page3.Items.Select(s => s.Id));
        Assert.Equal(2, meetings.Total);
        Assert.Equal(0, published.Total);
    }

    [Fact]
    public async Task Changed_reminder_defaults_apply_to_sessions_scheduled_afterwards()
    {
        var staff = await app.StaffApiAsync();
        var before = await staff.ScheduleAsync(SessionRequests.Valid(kind: "LearningNetworkMeeting"));
        var original = await staff.GetReminderDefaultsAsync().Expect(HttpStatusCode.OK);

        var saved = await staff.SaveReminderDefaultsAsync(new ReminderDefaultsView(null, new KindRulesView([new ReminderView(2880)], [new FollowUpView(60)])));
        var after = await staff.ScheduleAsync(SessionRequests.Valid(kind: "LearningNetworkMeeting"));
        await staff.SaveReminderDefaultsAsync(original).Expect(HttpStatusCode.OK); // leave the fixture as found

        Assert.Equal((int)HttpStatusCode.OK, saved.Status);
        Assert.Equal([2880], after.Reminders.Select(r => r.MinutesBefore));
        Assert.Equal([60], after.FollowUps.Select(r => r.MinutesAfter));
        var unchanged = await staff.GetSessionAsync(before.Id).Expect(HttpStatusCode.OK);
        Assert.Equal([4320, 60], unchanged.Reminders.Select(r => r.MinutesBefore));
        Assert.Equal([10080, 1440], original.Training!.Reminders.Select(r => r.MinutesBefore));
    }
}
