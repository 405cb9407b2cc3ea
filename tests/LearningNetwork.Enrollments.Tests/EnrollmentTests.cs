using System.Net;
using System.Text;
using LearningNetwork.ApiClient;
using LearningNetwork.BuildingBlocks.Hosting;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Enrollments.Tests;

public sealed class EnrollmentTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_manager_enrolls_themselves_and_the_seat_count_drops()
    {
        var staff = await app.StaffApiAsync();
        var (managerId, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var session = await staff.PublishedSessionAsync(capacity: 5);

        var enrollment = await manager.EnrollAsync(session.Id).Expect(HttpStatusCode.Created);

        Assert.Equal(EnrollmentStatus.Confirmed, enrollment.Status);
        Assert.Equal(managerId, enrollment.ClusterManagerId);
        var seen = await manager.GetSessionAsync(session.Id).Expect(HttpStatusCode.OK);
        Assert.Equal(4, seen.SeatsLeft);
        Assert.Equal(1, seen.SeatsTaken);
        var mine = await manager.GetMyEnrollmentsAsync().Expect(HttpStatusCode.OK);
        Assert.Equal(session.Id, Assert.Single(mine.Items).Session.Id);
    }

    [Fact]
    public async Task A_waitlisted_manager_sees_their_position_among_their_enrollments()
    {
        var staff = await app.StaffApiAsync();
        var others = await app.CreateManagersAsync(staff, 2);
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var session = await staff.PublishedSessionAsync(capacity: 1);
        foreach (var id in others)
        {
            await staff.EnrollAsync(session.Id, id).Expect(HttpStatusCode.Created);
        }

        await manager.EnrollAsync(session.Id).Expect(HttpStatusCode.Created);

        var mine = Assert.Single((await manager.GetMyEnrollmentsAsync().Expect(HttpStatusCode.OK)).Items);
        Assert.Equal(EnrollmentStatus.Waitlisted, mine.Status);
        Assert.Equal(2, mine.WaitlistPosition);
    }

    [Fact]
    public async Task A_full_session_waitlists_in_order_and_a_cancellation_promotes_the_first_in_line()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 4);
        var session = await staff.PublishedSessionAsync(capacity: 2);

        var results = new List<EnrollmentView>();
        foreach (var id in managers)
        {
            results.Add(await staff.EnrollAsync(session.Id, id).Expect(HttpStatusCode.Created));
        }

        Assert.Equal([EnrollmentStatus.Confirmed, EnrollmentStatus.Confirmed, EnrollmentStatus.Waitlisted, EnrollmentStatus.Waitlisted], results.Select(r => r.Status));
        Assert.Equal([1, 2], results.Skip(2).Select(r => r.WaitlistPosition));
        Assert.Equal(2, (await staff.GetSessionAsync(session.Id).Expect(HttpStatusCode.OK)).WaitlistLength);

        await staff.CancelEnrollmentAsync(results[0].Id).Expect(HttpStatusCode.OK);

        var byId = (await staff.GetParticipantsAsync(session.Id).Expect(HttpStatusCode.OK)).ToDictionary(e => e.Id);
        Assert.Equal(EnrollmentStatus.Confirmed, byId[results[2].Id].Status);
        Assert.Equal(EnrollmentStatus.Waitlisted, byId[results[3].Id].Status);
        Assert.Equal(1, byId[results[3].Id].WaitlistPosition);
        Assert.Equal(EnrollmentStatus.Cancelled, byId[results[0].Id].Status);
        var seats = await staff.GetSessionAsync(session.Id).Expect(HttpStatusCode.OK);
        Assert.Equal((2, 1), (seats.SeatsTaken, seats.WaitlistLength));
        Assert.Equal(1, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM enrollments.outbox_messages WHERE type LIKE '%WaitlistPromoted,%' AND payload->>'enrollmentId' = @id", ("id", results[2].Id.ToString())));
    }

    [Fact]
    public async Task Enrolling_twice_is_a_409_and_cancelling_twice_is_harmless()
    {
        var staff = await app.StaffApiAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1))[0];
        var session = await staff.PublishedSessionAsync(capacity: 3);
        var enrollment = await staff.EnrollAsync(session.Id, managerId).Expect(HttpStatusCode.Created);

        await staff.EnrollAsync(session.Id, managerId).ExpectProblem(HttpStatusCode.Conflict);
        var first = await staff.CancelEnrollmentAsync(enrollment.Id).Expect(HttpStatusCode.OK);
        var second = await staff.CancelEnrollmentAsync(enrollment.Id).Expect(HttpStatusCode.OK);

        Assert.Equal(EnrollmentStatus.Cancelled, first.Status);
        Assert.Equal(EnrollmentStatus.Cancelled, second.Status);
        Assert.Equal(0, (await staff.GetSessionAsync(session.Id).Expect(HttpStatusCode.OK)).SeatsTaken);
        // After cancelling, enrolling again is allowed.
        await staff.EnrollAsync(session.Id, managerId).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Sessions_that_are_not_open_refuse_enrollments_with_a_reason()
    {
        var staff = await app.StaffApiAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1))[0];
        var draft = await staff.CreateSessionAsync(new SessionRequest("Draft", "Training", "Europe/Brussels", 5, Start: "2030-01-07T10:00", End: "2030-01-07T12:00"))
            .Expect(HttpStatusCode.Created);
        var cancelled = await staff.PublishedSessionAsync(capacity: 5);
        await staff.CancelSessionAsync(cancelled.Id, "Geen spreker").Expect(HttpStatusCode.OK);
        var started = await staff.PublishedSessionAsync(capacity: 5);
        await app.Database.ExecuteAsync($"UPDATE sessions.sessions SET starts_at = now() - interval '10 minutes' WHERE id = '{started.Id}'");
        var closed = await staff.PublishedSessionAsync(capacity: 5);
        await app.Database.ExecuteAsync($"UPDATE sessions.sessions SET enrollment_deadline_at = now() - interval '1 minute' WHERE id = '{closed.Id}'");

        foreach (var (session, reason) in new[] { (draft, "not published"), (cancelled, "cancelled"), (started, "started"), (closed, "deadline") })
        {
            var problem = await staff.EnrollAsync(session.Id, managerId).ExpectProblem(HttpStatusCode.Conflict);
            Assert.Contains(reason, problem.Detail);
        }

        await staff.EnrollAsync(Guid.NewGuid(), managerId).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_must_name_an_existing_manager()
    {
        var staff = await app.StaffApiAsync();
        var session = await staff.PublishedSessionAsync(capacity: 5);

        await staff.EnrollAsync(session.Id).ShouldNameInvalidField("clusterManagerId");
        await staff.EnrollAsync(session.Id, Guid.NewGuid()).ShouldNameInvalidField("clusterManagerId");
    }

    [Fact]
    public async Task A_manager_cannot_see_or_cancel_someone_elses_enrollment_and_cannot_cancel_after_the_start()
    {
        var staff = await app.StaffApiAsync();
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var otherId = (await app.CreateManagersAsync(staff, 1))[0];
        var session = await staff.PublishedSessionAsync(capacity: 5);
        var others = await staff.EnrollAsync(session.Id, otherId).Expect(HttpStatusCode.Created);
        var mine = await manager.EnrollAsync(session.Id).Expect(HttpStatusCode.Created);

        await manager.CancelEnrollmentAsync(others.Id).ExpectProblem(HttpStatusCode.NotFound);
        await manager.EnrollAsync(session.Id, otherId).ExpectProblem(HttpStatusCode.Forbidden);
        await app.Database.ExecuteAsync($"UPDATE sessions.sessions SET starts_at = now() - interval '1 minute' WHERE id = '{session.Id}'");
        await manager.CancelEnrollmentAsync(mine.Id).ExpectProblem(HttpStatusCode.Conflict);
        await staff.CancelEnrollmentAsync(mine.Id).Expect(HttpStatusCode.OK);
        await manager.GetParticipantsAsync(session.Id).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Raising_the_capacity_promotes_from_the_waitlist()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 3);
        var session = await staff.PublishedSessionAsync(capacity: 1);
        foreach (var id in managers)
        {
            await staff.EnrollAsync(session.Id, id).Expect(HttpStatusCode.Created);
        }

        await staff.UpdateSessionAsync(session.Id, new SessionRequest("Groter lokaal", "LearningNetworkMeeting", "Europe/Brussels", 2)).Expect(HttpStatusCode.OK);

        var seats = await staff.GetSessionAsync(session.Id).Expect(HttpStatusCode.OK);
        Assert.Equal((2, 1, 2), (seats.SeatsTaken, seats.WaitlistLength, seats.Capacity));
        var list = await staff.GetParticipantsAsync(session.Id).Expect(HttpStatusCode.OK);
        Assert.Equal([EnrollmentStatus.Confirmed, EnrollmentStatus.Confirmed, EnrollmentStatus.Waitlisted], list.Select(e => e.Status));
        Assert.Equal(managers[2], list[2].ClusterManagerId);
    }

    [Fact]
    public async Task A_capacity_the_seats_decided_reaches_the_session_even_when_the_session_fails_to_save_the_edit()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 2);
        var session = await staff.PublishedSessionAsync(capacity: 1);
        foreach (var id in managers)
        {
            await staff.EnrollAsync(session.Id, id).Expect(HttpStatusCode.Created);
        }

        // The failure between the two modules: Enrollments has decided and committed, then the
        // database refuses every change to this session's row in the Sessions module.
        var refusal = "refuse_" + session.Id.ToString("N");
        await app.Database.ExecuteAsync($"""
            CREATE FUNCTION sessions.{refusal}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
            CREATE TRIGGER {refusal} BEFORE UPDATE ON sessions.sessions FOR EACH ROW
                WHEN (OLD.id = '{session.Id}') EXECUTE FUNCTION sessions.{refusal}();
            """);
        await staff.UpdateSessionAsync(session.Id, new SessionRequest("Groter lokaal", "LearningNetworkMeeting", "Europe/Brussels", 2))
            .ExpectProblem(HttpStatusCode.InternalServerError);

        var enrollees = await staff.GetParticipantsAsync(session.Id).Expect(HttpStatusCode.OK);
        Assert.Equal([EnrollmentStatus.Confirmed, EnrollmentStatus.Confirmed], enrollees.Select(e => e.Status));
        Assert.Equal(1, (await staff.GetSessionAsync(session.Id).Expect(HttpStatusCode.OK)).Capacity);

        await app.Database.ExecuteAsync($"DROP TRIGGER {refusal} ON sessions.sessions; DROP FUNCTION sessions.{refusal}();");
        var seen = await Eventually.ValueAsync(
            () => staff.GetSessionAsync(session.Id).Expect(HttpStatusCode.OK), s => s.Capacity == 2, TimeSpan.FromSeconds(30));
        Assert.Equal((2, 0, 0), (seen.SeatsTaken, seen.SeatsLeft, seen.WaitlistLength));
        Assert.NotEqual("Groter lokaal", seen.Title);
    }

    [Fact]
    public async Task The_session_list_shows_seat_figures_that_follow_enrollments_cancellations_and_the_cancelled_session()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 3);
        var session = await staff.PublishedSessionAsync(capacity: 2, daysAhead: 41);
        var day = session.StartsAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        async Task<(int Taken, int Left, int Waiting)> ListedAsync()
        {
            var page = await staff.GetSessionsAsync(new SessionQuery(From: day, To: day, PageSize: 100)).Expect(HttpStatusCode.OK);
            var listed = page.Items.Single(s => s.Id == session.Id);
            return (listed.SeatsTaken, listed.SeatsLeft, listed.WaitlistLength);
        }

        Assert.Equal((0, 2, 0), await ListedAsync());
        var enrollments = new List<Guid>();
        foreach (var id in managers)
        {
            enrollments.Add((await staff.EnrollAsync(session.Id, id).Expect(HttpStatusCode.Created)).Id);
        }

        await Eventually.ValueAsync(ListedAsync, seats => seats == (2, 0, 1));
        await staff.CancelEnrollmentAsync(enrollments[0]).Expect(HttpStatusCode.OK);
        // The first on the waitlist takes the freed seat.
        await Eventually.ValueAsync(ListedAsync, seats => seats == (2, 0, 0));
        await staff.CancelSessionAsync(session.Id, "Zaal onbeschikbaar").Expect(HttpStatusCode.OK);
        await Eventually.ValueAsync(ListedAsync, seats => seats == (0, 2, 0));
    }

    [Fact]
    public async Task A_session_older_than_the_copies_gets_its_figures_at_start_up()
    {
        var staff = await app.StaffApiAsync();
        var manager = (await app.CreateManagersAsync(staff, 1))[0];
        var session = await staff.PublishedSessionAsync(capacity: 3, daysAhead: 43);
        await staff.EnrollAsync(session.Id, manager).Expect(HttpStatusCode.Created);
        var id = session.Id;
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<int>("SELECT coalesce((SELECT seats_taken FROM sessions.session_copies WHERE session_id = @id), -1)", ("id", id)) == 1);

        // As the migration leaves a session that existed before copies did: an empty copy still to be made.
        await app.Database.ExecuteAsync($"UPDATE sessions.session_copies SET seats_taken = 0, awaiting_first_copy = true WHERE session_id = '{id}'");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
            {
                await task.RunAsync(CancellationToken.None);
            }
        }

        Assert.Equal(1, await app.Database.ScalarAsync<int>("SELECT coalesce((SELECT seats_taken FROM sessions.session_copies WHERE session_id = @id AND NOT awaiting_first_copy), -1)", ("id", id)));
    }

    [Fact]
    public async Task A_cancelled_session_ends_its_enrollments()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 2);
        var session = await staff.PublishedSessionAsync(capacity: 1);
        foreach (var id in managers)
        {
            await staff.EnrollAsync(session.Id, id).Expect(HttpStatusCode.Created);
        }

        await staff.CancelSessionAsync(session.Id, "Zaal niet beschikbaar").Expect(HttpStatusCode.OK);

        await Eventually.TrueAsync(async () => (await staff.GetParticipantsAsync(session.Id).Expect(HttpStatusCode.OK)).All(e => e.Status == EnrollmentStatus.Cancelled));
        var seats = await staff.GetSessionAsync(session.Id).Expect(HttpStatusCode.OK);
        Assert.Equal((0, 0), (seats.SeatsTaken, seats.WaitlistLength));
    }

    [Fact]
    public async Task A_rescheduled_session_keeps_its_enrollments()
    {
        var staff = await app.StaffApiAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1))[0];
        var session = await staff.PublishedSessionAsync(capacity: 3);
        await staff.EnrollAsync(session.Id, managerId).Expect(HttpStatusCode.Created);

        await staff.RescheduleSessionAsync(session.Id, "2030-03-05T10:00", "2030-03-05T12:00").Expect(HttpStatusCode.OK);
        await Task.Delay(500);

        var list = await staff.GetParticipantsAsync(session.Id).Expect(HttpStatusCode.OK);
        Assert.Equal(EnrollmentStatus.Confirmed, Assert.Single(list).Status);
    }

    [Fact]
    public async Task A_manager_enrolls_in_every_open_session_of_a_series_at_once()
    {
        var staff = await app.StaffApiAsync();
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var series = await staff.CreateSeriesAsync(new SeriesRequest(
            "Intervisie", "LearningNetworkMeeting", "Europe/Brussels", $"{DateTime.UtcNow.Year + 1}-02-02T16:00", 90, "FREQ=MONTHLY;BYDAY=1TU;COUNT=4", 10))
            .Expect(HttpStatusCode.Created);
        await staff.PublishSeriesAsync(series.Id).Expect(HttpStatusCode.OK);

        var response = await manager.EnrollInSeriesAsync(series.Id).Expect(HttpStatusCode.Created);

        Assert.Equal(4, response.Enrollments.Count);
        Assert.All(response.Enrollments, e => Assert.Equal(EnrollmentStatus.Confirmed, e.Status));
        await manager.EnrollInSeriesAsync(series.Id).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal(4, (await manager.GetMyEnrollmentsAsync().Expect(HttpStatusCode.OK)).Total);
    }

    [Fact]
    public async Task Staff_mark_attendance_and_export_the_list_for_a_Belgian_spreadsheet()
    {
        using var http = await app.StaffClientAsync();
        var staff = http.Typed();
        var managers = await app.CreateManagersAsync(staff, 2);
        var session = await staff.PublishedSessionAsync(capacity: 5);
        var a = await staff.EnrollAsync(session.Id, managers[0]).Expect(HttpStatusCode.Created);
        var b = await staff.EnrollAsync(session.Id, managers[1]).Expect(HttpStatusCode.Created);

        await staff.RecordAttendanceAsync(session.Id, [(a.Id, "Attended"), (b.Id, "Absent")]).Expect(HttpStatusCode.NoContent);
        await staff.RecordAttendanceAsync(session.Id, [(Guid.NewGuid(), "Attended")]).ShouldNameInvalidField("[0].enrollmentId");
        await staff.RecordAttendanceAsync(session.Id, [(a.Id, "Maybe")]).ExpectProblem(HttpStatusCode.BadRequest);

        var list = await staff.GetParticipantsAsync(session.Id).Expect(HttpStatusCode.OK);
        Assert.Equal([Attendance.Attended, Attendance.Absent], list.Select(e => e.Attendance));
        Assert.Equal("Manager 000", list[0].FullName);
        Assert.StartsWith("Testcluster", list[0].ClusterName);

        // Staff reach a participant from the list: email and phone are in it and in its CSV.
        await app.Database.ExecuteAsync($"UPDATE cluster_managers.managers SET phone = '+32 470 12 34 56' WHERE id = '{managers[0]}'");
        var email = await app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managers[0]));
        list = await staff.GetParticipantsAsync(session.Id).Expect(HttpStatusCode.OK);
        Assert.Equal(email, list[0].Email);
        Assert.Equal("+32 470 12 34 56", list[0].Phone);

        // The CSV is a file, read as one.
        var csv = await http.GetAsync($"/api/sessions/{session.Id}/enrollments.csv");
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
        var staff = await app.StaffApiAsync();
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var session = await staff.PublishedSessionAsync(capacity: 5);
        await manager.EnrollAsync(session.Id).Expect(HttpStatusCode.Created);

        var feed = await manager.GetCalendarFeedAsync().Expect(HttpStatusCode.OK);
        var url = new Uri(feed.Url);
        // The feed is read by a calendar program: no sign-in, and iCalendar rather than JSON.
        using var calendarApp = app.CreateClient();
        var ics = await calendarApp.GetAsync(url.PathAndQuery);
        await ics.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"UID:session-{session.Id}@learningnetwork", await ics.Content.ReadAsStringAsync());
        Assert.Equal(feed.Url, (await manager.GetCalendarFeedAsync().Expect(HttpStatusCode.OK)).Url);

        var rotated = await manager.RenewCalendarFeedAsync().Expect(HttpStatusCode.OK);

        Assert.NotEqual(feed.Url, rotated.Url);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(url.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(new Uri(rotated.Url).PathAndQuery)).StatusCode);
        await staff.GetCalendarFeedAsync().ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_deactivated_managers_upcoming_enrollments_end_and_the_waitlist_moves_up()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 2);
        var session = await staff.PublishedSessionAsync(capacity: 1);
        await staff.EnrollAsync(session.Id, managers[0]).Expect(HttpStatusCode.Created);
        await staff.EnrollAsync(session.Id, managers[1]).Expect(HttpStatusCode.Created);

        await staff.DeactivateManagerAsync(managers[0]).Expect(HttpStatusCode.OK);

        await Eventually.TrueAsync(async () =>
            (await staff.GetParticipantsAsync(session.Id).Expect(HttpStatusCode.OK)).Single(e => e.ClusterManagerId == managers[1]).Status == EnrollmentStatus.Confirmed);
        await staff.EnrollAsync(session.Id, managers[0]).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_database_refuses_more_seats_than_capacity_whatever_the_code_does()
    {
        var staff = await app.StaffApiAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1))[0];
        var session = await staff.PublishedSessionAsync(capacity: 1);
        await staff.EnrollAsync(session.Id, managerId).Expect(HttpStatusCode.Created);

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            app.Database.ExecuteAsync($"UPDATE enrollments.session_seats SET seats_taken = 2 WHERE session_id = '{session.Id}'"));

        Assert.Equal("ck_session_seats_within_capacity", error.ConstraintName);
    }
}
