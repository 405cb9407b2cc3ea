using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LearningNetwork.BuildingBlocks.Hosting;
using LearningNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Enrollments.Tests;

public sealed class EnrollmentTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_manager_enrolls_themselves_and_the_seat_count_drops()
    {
        using var staff = await app.StaffClientAsync();
        var (managerId, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var session = await staff.PublishedSessionAsync(capacity: 5);

        var enrollment = await (await manager.EnrollAsync(session.Id())).Json(HttpStatusCode.Created);

        Assert.Equal("Confirmed", enrollment.GetProperty("status").GetString());
        Assert.Equal(managerId.ToString(), enrollment.GetProperty("clusterManagerId").GetString());
        var seen = await manager.SessionAsync(session.Id());
        Assert.Equal(4, seen.GetProperty("seatsLeft").GetInt32());
        Assert.Equal(1, seen.GetProperty("seatsTaken").GetInt32());
        var mine = await manager.GetFromJsonAsync<JsonElement>("/api/me/enrollments");
        var item = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal(session.Id(), item.GetProperty("session").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_waitlisted_manager_sees_their_position_among_their_enrollments()
    {
        using var staff = await app.StaffClientAsync();
        var others = await app.CreateManagersAsync(staff, 2);
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var session = await staff.PublishedSessionAsync(capacity: 1);
        foreach (var id in others)
        {
            await (await staff.EnrollAsync(session.Id(), id)).ShouldBe(HttpStatusCode.Created);
        }

        await (await manager.EnrollAsync(session.Id())).ShouldBe(HttpStatusCode.Created);

        var mine = Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/me/enrollments")).GetProperty("items").EnumerateArray());
        Assert.Equal("Waitlisted", mine.GetProperty("status").GetString());
        Assert.Equal(2, mine.GetProperty("waitlistPosition").GetInt32());
    }

    [Fact]
    public async Task A_full_session_waitlists_in_order_and_a_cancellation_promotes_the_first_in_line()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 4);
        var session = await staff.PublishedSessionAsync(capacity: 2);

        var results = new List<JsonElement>();
        foreach (var id in managers)
        {
            results.Add(await (await staff.EnrollAsync(session.Id(), id)).Json(HttpStatusCode.Created));
        }

        Assert.Equal(["Confirmed", "Confirmed", "Waitlisted", "Waitlisted"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal([1, 2], results.Skip(2).Select(r => r.GetProperty("waitlistPosition").GetInt32()));
        Assert.Equal(2, (await staff.SessionAsync(session.Id())).GetProperty("waitlistLength").GetInt32());

        await (await staff.PostAsync($"/api/enrollments/{results[0].Id()}/cancel", null)).ShouldBe(HttpStatusCode.OK);

        var list = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{session.Id()}/enrollments");
        var byId = list.EnumerateArray().ToDictionary(e => e.Id());
        Assert.Equal("Confirmed", byId[results[2].Id()].GetProperty("status").GetString());
        Assert.Equal("Waitlisted", byId[results[3].Id()].GetProperty("status").GetString());
        Assert.Equal(1, byId[results[3].Id()].GetProperty("waitlistPosition").GetInt32());
        Assert.Equal("Cancelled", byId[results[0].Id()].GetProperty("status").GetString());
        var seats = await staff.SessionAsync(session.Id());
        Assert.Equal((2, 1), (seats.GetProperty("seatsTaken").GetInt32(), seats.GetProperty("waitlistLength").GetInt32()));
        Assert.Equal(1, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM enrollments.outbox_messages WHERE type LIKE '%WaitlistPromoted,%' AND payload->>'enrollmentId' = @id", ("id", results[2].Id())));
    }

    [Fact]
    public async Task Enrolling_twice_is_a_409_and_cancelling_twice_is_harmless()
    {
        using var staff = await app.StaffClientAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1))[0];
        var session = await staff.PublishedSessionAsync(capacity: 3);
        var enrollment = await (await staff.EnrollAsync(session.Id(), managerId)).Json(HttpStatusCode.Created);

        await (await staff.EnrollAsync(session.Id(), managerId)).ShouldBe(HttpStatusCode.Conflict);
        var first = await (await staff.PostAsync($"/api/enrollments/{enrollment.Id()}/cancel", null)).Json(HttpStatusCode.OK);
        var second = await (await staff.PostAsync($"/api/enrollments/{enrollment.Id()}/cancel", null)).Json(HttpStatusCode.OK);

        Assert.Equal("Cancelled", first.GetProperty("status").GetString());
        Assert.Equal("Cancelled", second.GetProperty("status").GetString());
        Assert.Equal(0, (await staff.SessionAsync(session.Id())).GetProperty("seatsTaken").GetInt32());
        // After cancelling, enrolling again is allowed.
        await (await staff.EnrollAsync(session.Id(), managerId)).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Sessions_that_are_not_open_refuse_enrollments_with_a_reason()
    {
        using var staff = await app.StaffClientAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1))[0];
        var draft = await (await staff.PostAsJsonAsync("/api/sessions", new
        {
            title = "Draft", kind = "Training", start = "2030-01-07T10:00", end = "2030-01-07T12:00", timeZone = "Europe/Brussels", capacity = 5,
        })).Json(HttpStatusCode.Created);
        var cancelled = await staff.PublishedSessionAsync(capacity: 5);
        await (await staff.PostAsJsonAsync($"/api/sessions/{cancelled.Id()}/cancel", new { reason = "Geen spreker" })).ShouldBe(HttpStatusCode.OK);
        var started = await staff.PublishedSessionAsync(capacity: 5);
        await app.Database.ExecuteAsync($"UPDATE sessions.sessions SET starts_at = now() - interval '10 minutes' WHERE id = '{started.Id()}'");
        var closed = await staff.PublishedSessionAsync(capacity: 5);
        await app.Database.ExecuteAsync($"UPDATE sessions.sessions SET enrollment_deadline_at = now() - interval '1 minute' WHERE id = '{closed.Id()}'");

        foreach (var (session, reason) in new[] { (draft, "not published"), (cancelled, "cancelled"), (started, "started"), (closed, "deadline") })
        {
            var response = await staff.EnrollAsync(session.Id(), managerId);
            await response.ShouldBe(HttpStatusCode.Conflict);
            Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        await (await staff.EnrollAsync(Guid.NewGuid().ToString(), managerId)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_must_name_an_existing_manager()
    {
        using var staff = await app.StaffClientAsync();
        var session = await staff.PublishedSessionAsync(capacity: 5);

        await (await staff.EnrollAsync(session.Id())).ShouldNameInvalidField("clusterManagerId");
        await (await staff.EnrollAsync(session.Id(), Guid.NewGuid())).ShouldNameInvalidField("clusterManagerId");
    }

    [Fact]
    public async Task A_manager_cannot_see_or_cancel_someone_elses_enrollment_and_cannot_cancel_after_the_start()
    {
        using var staff = await app.StaffClientAsync();
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var otherId = (await app.CreateManagersAsync(staff, 1))[0];
        var session = await staff.PublishedSessionAsync(capacity: 5);
        var others = await (await staff.EnrollAsync(session.Id(), otherId)).Json(HttpStatusCode.Created);
        var mine = await (await manager.EnrollAsync(session.Id())).Json(HttpStatusCode.Created);

        await (await manager.PostAsync($"/api/enrollments/{others.Id()}/cancel", null)).ShouldBe(HttpStatusCode.NotFound);
        await (await manager.EnrollAsync(session.Id(), otherId)).ShouldBe(HttpStatusCode.Forbidden);
        await app.Database.ExecuteAsync($"UPDATE sessions.sessions SET starts_at = now() - interval '1 minute' WHERE id = '{session.Id()}'");
        await (await manager.PostAsync($"/api/enrollments/{mine.Id()}/cancel", null)).ShouldBe(HttpStatusCode.Conflict);
        await (await staff.PostAsync($"/api/enrollments/{mine.Id()}/cancel", null)).ShouldBe(HttpStatusCode.OK);
        await (await manager.GetAsync($"/api/sessions/{session.Id()}/enrollments")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Raising_the_capacity_promotes_from_the_waitlist()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 3);
        var session = await staff.PublishedSessionAsync(capacity: 1);
        foreach (var id in managers)
        {
            await (await staff.EnrollAsync(session.Id(), id)).ShouldBe(HttpStatusCode.Created);
        }

        await (await staff.PutAsJsonAsync($"/api/sessions/{session.Id()}", new { title = "Groter lokaal", kind = "LearningNetworkMeeting", timeZone = "Europe/Brussels", capacity = 2 }))
            .ShouldBe(HttpStatusCode.OK);

        var seats = await staff.SessionAsync(session.Id());
        Assert.Equal((2, 1, 2), (seats.GetProperty("seatsTaken").GetInt32(), seats.GetProperty("waitlistLength").GetInt32(), seats.GetProperty("capacity").GetInt32()));
        var list = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{session.Id()}/enrollments");
        Assert.Equal(["Confirmed", "Confirmed", "Waitlisted"], list.EnumerateArray().Select(e => e.GetProperty("status").GetString()));
        Assert.Equal(managers[2].ToString(), list[2].GetProperty("clusterManagerId").GetString());
    }

    [Fact]
    public async Task A_capacity_the_seats_decided_reaches_the_session_even_when_the_session_fails_to_save_the_edit()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 2);
        var session = await staff.PublishedSessionAsync(capacity: 1);
        foreach (var id in managers)
        {
            await (await staff.EnrollAsync(session.Id(), id)).ShouldBe(HttpStatusCode.Created);
        }

        // The failure between the two modules: Enrollments has decided and committed, then the
        // database refuses every change to this session's row in the Sessions module.
        var refusal = "refuse_" + session.Id().Replace("-", "", StringComparison.Ordinal);
        await app.Database.ExecuteAsync($"""
            CREATE FUNCTION sessions.{refusal}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
            CREATE TRIGGER {refusal} BEFORE UPDATE ON sessions.sessions FOR EACH ROW
                WHEN (OLD.id = '{session.Id()}') EXECUTE FUNCTION sessions.{refusal}();
            """);
        var edit = await staff.PutAsJsonAsync($"/api/sessions/{session.Id()}", new { title = "Groter lokaal", kind = "LearningNetworkMeeting", timeZone = "Europe/Brussels", capacity = 2 });
        Assert.Equal(HttpStatusCode.InternalServerError, edit.StatusCode);

        var enrollees = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{session.Id()}/enrollments");
        Assert.Equal(["Confirmed", "Confirmed"], enrollees.EnumerateArray().Select(e => e.GetProperty("status").GetString()));
        Assert.Equal(1, (await staff.SessionAsync(session.Id())).GetProperty("capacity").GetInt32());

        await app.Database.ExecuteAsync($"DROP TRIGGER {refusal} ON sessions.sessions; DROP FUNCTION sessions.{refusal}();");
        var seen = await Eventually.ValueAsync(
            () => staff.SessionAsync(session.Id()), s => s.GetProperty("capacity").GetInt32() == 2, TimeSpan.FromSeconds(30));
        Assert.Equal((2, 0, 0), (seen.GetProperty("seatsTaken").GetInt32(), seen.GetProperty("seatsLeft").GetInt32(), seen.GetProperty("waitlistLength").GetInt32()));
        Assert.NotEqual("Groter lokaal", seen.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_session_list_shows_seat_figures_that_follow_enrollments_cancellations_and_the_cancelled_session()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 3);
        var session = await staff.PublishedSessionAsync(capacity: 2, daysAhead: 41);
        var day = session.GetProperty("startsAt").GetDateTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        async Task<(int Taken, int Left, int Waiting)> ListedAsync()
        {
            var page = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions?from={day}&to={day}&pageSize=100");
            var listed = page.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetString() == session.Id());
            return (listed.GetProperty("seatsTaken").GetInt32(), listed.GetProperty("seatsLeft").GetInt32(), listed.GetProperty("waitlistLength").GetInt32());
        }

        Assert.Equal((0, 2, 0), await ListedAsync());
        var enrollments = new List<string>();
        foreach (var id in managers)
        {
            enrollments.Add((await (await staff.EnrollAsync(session.Id(), id)).Json(HttpStatusCode.Created)).Id());
        }

        await Eventually.ValueAsync(ListedAsync, seats => seats == (2, 0, 1));
        await (await staff.PostAsync($"/api/enrollments/{enrollments[0]}/cancel", null)).ShouldBe(HttpStatusCode.OK);
        // The first on the waitlist takes the freed seat.
        await Eventually.ValueAsync(ListedAsync, seats => seats == (2, 0, 0));
        await (await staff.PostAsJsonAsync($"/api/sessions/{session.Id()}/cancel", new { reason = "Zaal onbeschikbaar" })).ShouldBe(HttpStatusCode.OK);
        await Eventually.ValueAsync(ListedAsync, seats => seats == (0, 2, 0));
    }

    [Fact]
    public async Task A_session_older_than_the_copies_gets_its_figures_at_start_up()
    {
        using var staff = await app.StaffClientAsync();
        var manager = (await app.CreateManagersAsync(staff, 1))[0];
        var session = await staff.PublishedSessionAsync(capacity: 3, daysAhead: 43);
        await (await staff.EnrollAsync(session.Id(), manager)).ShouldBe(HttpStatusCode.Created);
        var id = Guid.Parse(session.Id());
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<int>("SELECT coalesce((SELECT seats_taken FROM sessions.session_copies WHERE session_id = @id), -1)", ("id", id)) == 1);

        // As the migration leaves a session that existed before copies did: an empty copy still to be made.
        await app.Database.ExecuteAsync($"UPDATE sessions.session_copies SET seats_taken = 0, copied_at = NULL WHERE session_id = '{id}'");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
            {
                await task.RunAsync(CancellationToken.None);
            }
        }

        Assert.Equal(1, await app.Database.ScalarAsync<int>("SELECT coalesce((SELECT seats_taken FROM sessions.session_copies WHERE session_id = @id AND copied_at IS NOT NULL), -1)", ("id", id)));
    }

    [Fact]
    public async Task A_cancelled_session_ends_its_enrollments()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 2);
        var session = await staff.PublishedSessionAsync(capacity: 1);
        foreach (var id in managers)
        {
            await (await staff.EnrollAsync(session.Id(), id)).ShouldBe(HttpStatusCode.Created);
        }

        await (await staff.PostAsJsonAsync($"/api/sessions/{session.Id()}/cancel", new { reason = "Zaal niet beschikbaar" })).ShouldBe(HttpStatusCode.OK);

        await Eventually.TrueAsync(async () => (await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{session.Id()}/enrollments"))
            .EnumerateArray().All(e => e.GetProperty("status").GetString() == "Cancelled"));
        var seats = await staff.SessionAsync(session.Id());
        Assert.Equal((0, 0), (seats.GetProperty("seatsTaken").GetInt32(), seats.GetProperty("waitlistLength").GetInt32()));
    }

    [Fact]
    public async Task A_rescheduled_session_keeps_its_enrollments()
    {
        using var staff = await app.StaffClientAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1))[0];
        var session = await staff.PublishedSessionAsync(capacity: 3);
        await (await staff.EnrollAsync(session.Id(), managerId)).ShouldBe(HttpStatusCode.Created);

        await (await staff.PostAsJsonAsync($"/api/sessions/{session.Id()}/reschedule", new { start = "2030-03-05T10:00", end = "2030-03-05T12:00" })).ShouldBe(HttpStatusCode.OK);
        await Task.Delay(500);

        var list = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{session.Id()}/enrollments");
        Assert.Equal("Confirmed", Assert.Single(list.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_manager_enrolls_in_every_open_session_of_a_series_at_once()
    {
        using var staff = await app.StaffClientAsync();
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var series = await (await staff.PostAsJsonAsync("/api/series", new
        {
            title = "Intervisie", kind = "LearningNetworkMeeting", timeZone = "Europe/Brussels", firstStart = $"{DateTime.UtcNow.Year + 1}-02-02T16:00",
            durationMinutes = 90, recurrence = "FREQ=MONTHLY;BYDAY=1TU;COUNT=4", capacity = 10,
        })).Json(HttpStatusCode.Created);
        await (await staff.PostAsync($"/api/series/{series.Id()}/publish", null)).ShouldBe(HttpStatusCode.OK);

        var response = await (await manager.PostAsync($"/api/series/{series.Id()}/enrollments", null)).Json(HttpStatusCode.Created);

        Assert.Equal(4, response.GetProperty("enrollments").GetArrayLength());
        Assert.All(response.GetProperty("enrollments").EnumerateArray(), e => Assert.Equal("Confirmed", e.GetProperty("status").GetString()));
        await (await manager.PostAsync($"/api/series/{series.Id()}/enrollments", null)).ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal(4, (await manager.GetFromJsonAsync<JsonElement>("/api/me/enrollments")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Staff_mark_attendance_and_export_the_list_for_a_Belgian_spreadsheet()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 2);
        var session = await staff.PublishedSessionAsync(capacity: 5);
        var a = await (await staff.EnrollAsync(session.Id(), managers[0])).Json(HttpStatusCode.Created);
        var b = await (await staff.EnrollAsync(session.Id(), managers[1])).Json(HttpStatusCode.Created);

        await (await staff.PutAsJsonAsync($"/api/sessions/{session.Id()}/attendance", new[]
        {
            new { enrollmentId = a.Id(), attendance = "Attended" }, new { enrollmentId = b.Id(), attendance = "Absent" },
        })).ShouldBe(HttpStatusCode.NoContent);
        await (await staff.PutAsJsonAsync($"/api/sessions/{session.Id()}/attendance", new[] { new { enrollmentId = Guid.NewGuid(), attendance = "Attended" } }))
            .ShouldNameInvalidField("[0].enrollmentId");
        await (await staff.PutAsJsonAsync($"/api/sessions/{session.Id()}/attendance", new[] { new { enrollmentId = a.Id(), attendance = "Maybe" } }))
            .ShouldBe(HttpStatusCode.BadRequest);

        var list = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{session.Id()}/enrollments");
        Assert.Equal(["Attended", "Absent"], list.EnumerateArray().Select(e => e.GetProperty("attendance").GetString()));
        Assert.Equal("Manager 000", list[0].GetProperty("fullName").GetString());
        Assert.StartsWith("Testcluster", list[0].GetProperty("clusterName").GetString());

        // Staff reach a participant from the list: email and phone are in it and in its CSV.
        await app.Database.ExecuteAsync($"UPDATE cluster_managers.managers SET phone = '+32 470 12 34 56' WHERE id = '{managers[0]}'");
        var email = await app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managers[0]));
        list = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{session.Id()}/enrollments");
        Assert.Equal(email, list[0].GetProperty("email").GetString());
        Assert.Equal("+32 470 12 34 56", list[0].GetProperty("phone").GetString());

        var csv = await staff.GetAsync($"/api/sessions/{session.Id()}/enrollments.csv");
        await csv.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Name;Cluster;Email;Phone;Status;Waitlist position;Attendance;Enrolled at", lines[0]);
        Assert.StartsWith("Manager 000;Testcluster", lines[1]);
        // A leading + would make a spreadsheet read the number as a formula: the guard keeps it text.
        Assert.Contains($";{email};'+32 470 12 34 56;Confirmed;;Attended;", lines[1]);
    }

    [Fact]
    public async Task The_personal_calendar_feed_lists_confirmed_sessions_and_a_rotated_address_stops_working()
    {
        using var staff = await app.StaffClientAsync();
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var session = await staff.PublishedSessionAsync(capacity: 5);
        await (await manager.EnrollAsync(session.Id())).ShouldBe(HttpStatusCode.Created);

        var feed = await manager.GetFromJsonAsync<JsonElement>("/api/me/calendar-feed");
        var url = new Uri(feed.GetProperty("url").GetString()!);
        using var calendarApp = app.CreateClient();
        var ics = await calendarApp.GetAsync(url.PathAndQuery);
        await ics.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"UID:session-{session.Id()}@learningnetwork", await ics.Content.ReadAsStringAsync());
        Assert.Equal(feed.GetProperty("url").GetString(), (await manager.GetFromJsonAsync<JsonElement>("/api/me/calendar-feed")).GetProperty("url").GetString());

        var rotated = await (await manager.PostAsync("/api/me/calendar-feed/rotate", null)).Json(HttpStatusCode.OK);

        Assert.NotEqual(feed.GetProperty("url").GetString(), rotated.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(url.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(new Uri(rotated.GetProperty("url").GetString()!).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/me/calendar-feed")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_managers_upcoming_enrollments_end_and_the_waitlist_moves_up()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 2);
        var session = await staff.PublishedSessionAsync(capacity: 1);
        await (await staff.EnrollAsync(session.Id(), managers[0])).ShouldBe(HttpStatusCode.Created);
        await (await staff.EnrollAsync(session.Id(), managers[1])).ShouldBe(HttpStatusCode.Created);

        await (await staff.PostAsync($"/api/cluster-managers/{managers[0]}/deactivate", null)).ShouldBe(HttpStatusCode.OK);

        await Eventually.TrueAsync(async () =>
        {
            var list = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{session.Id()}/enrollments");
            return list.EnumerateArray().Single(e => e.GetProperty("clusterManagerId").GetString() == managers[1].ToString()).GetProperty("status").GetString() == "Confirmed";
        });
        await (await staff.EnrollAsync(session.Id(), managers[0])).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_database_refuses_more_seats_than_capacity_whatever_the_code_does()
    {
        using var staff = await app.StaffClientAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1))[0];
        var session = await staff.PublishedSessionAsync(capacity: 1);
        await (await staff.EnrollAsync(session.Id(), managerId)).ShouldBe(HttpStatusCode.Created);

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            app.Database.ExecuteAsync($"UPDATE enrollments.session_seats SET seats_taken = 2 WHERE session_id = '{session.Id()}'"));

        Assert.Equal("ck_session_seats_within_capacity", error.ConstraintName);
    }
}
