using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LearningNetwork.ApiClient;
using LearningNetwork.Notifications.Features.Reminders;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LearningNetwork.Notifications.Tests;

/// <summary>The emails about sessions, read from a real SMTP server: content, language, headers, calendar attachments.</summary>
public sealed class SessionEmailTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task Enrolling_sends_a_confirmation_in_the_managers_language_with_the_session_as_a_calendar_item()
    {
        using var staff = await app.StaffClientAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1, language: "fr"))[0];
        var email = await EmailOfAsync(managerId);
        var session = await staff.PublishedSessionAsync(capacity: 5, title: "Subsidies & règles");

        await (await staff.PostAsJsonAsync($"/api/sessions/{session}/enrollments", new { clusterManagerId = managerId })).ShouldBe(HttpStatusCode.Created);

        var message = await app.Smtp.WaitForAsync(m => IsTo(m, email) && Kind(m) == "EnrollmentConfirmed");
        Assert.StartsWith("Inscription confirmée", message.Subject);
        Assert.Contains("Subsidies & règles", message.TextBody);
        Assert.Contains("Subsidies &amp; règles", message.HtmlBody);
        Assert.Contains("(Europe/Brussels)", message.TextBody);
        Assert.Equal(session, message.Headers["X-LearningNetwork-Session"]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        var ics = Ics(message);
        Assert.Contains("METHOD:PUBLISH", ics);
        Assert.Contains($"UID:session-{session}@learningnetwork", ics);
        Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);
    }

    [Fact]
    public async Task A_full_session_tells_the_waitlisted_their_position_and_the_promoted_their_seat()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 2, language: "nl");
        var second = await EmailOfAsync(managers[1]);
        var session = await staff.PublishedSessionAsync(capacity: 1);
        var first = await (await staff.PostAsJsonAsync($"/api/sessions/{session}/enrollments", new { clusterManagerId = managers[0] })).Json(HttpStatusCode.Created);
        await (await staff.PostAsJsonAsync($"/api/sessions/{session}/enrollments", new { clusterManagerId = managers[1] })).ShouldBe(HttpStatusCode.Created);

        var waitlisted = await app.Smtp.WaitForAsync(m => IsTo(m, second) && Kind(m) == "Waitlisted");
        Assert.Contains("plaats 1", waitlisted.TextBody);
        await (await staff.PostAsync($"/api/enrollments/{first.Id()}/cancel", null)).ShouldBe(HttpStatusCode.OK);

        var promoted = await app.Smtp.WaitForAsync(m => IsTo(m, second) && Kind(m) == "WaitlistPromoted");
        Assert.Contains("METHOD:PUBLISH", Ics(promoted));
        var firstEmail = await EmailOfAsync(managers[0]);
        var cancelled = await app.Smtp.WaitForAsync(m => IsTo(m, firstEmail) && Kind(m) == "EnrollmentCancelled");
        Assert.Contains("METHOD:CANCEL", Ics(cancelled));
    }

    [Fact]
    public async Task A_reschedule_tells_enrolled_people_at_once_with_a_newer_calendar_sequence_and_the_old_reminders_do_nothing()
    {
        using var staff = await app.StaffClientAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1, language: "en"))[0];
        var email = await EmailOfAsync(managerId);
        var session = await staff.PublishedSessionAsync(capacity: 5);
        await (await staff.PostAsJsonAsync($"/api/sessions/{session}/enrollments", new { clusterManagerId = managerId })).ShouldBe(HttpStatusCode.Created);
        var oldStart = new DateTimeOffset((await SessionAsync(staff, session)).StartsAt);

        await (await staff.PostAsJsonAsync($"/api/sessions/{session}/reschedule", new { start = "2030-05-07T09:00", end = "2030-05-07T12:00" })).ShouldBe(HttpStatusCode.OK);

        var notice = await app.Smtp.WaitForAsync(m => IsTo(m, email) && Kind(m) == "SessionRescheduled");
        Assert.Contains("Tuesday 7 May 2030, 09:00–12:00", notice.TextBody);
        Assert.Contains("SEQUENCE:1", Ics(notice));
        await RunReminderJobAsync(j => j.SendRemindersAsync(Guid.Parse(session), 1440, oldStart));
        Assert.DoesNotContain(app.Smtp.To(email), m => Kind(m) == "Reminder");
    }

    [Fact]
    public async Task A_cancelled_session_tells_enrolled_people_why_and_removes_it_from_their_calendar()
    {
        using var staff = await app.StaffClientAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1, language: "nl"))[0];
        var email = await EmailOfAsync(managerId);
        var session = await staff.PublishedSessionAsync(capacity: 5);
        await (await staff.PostAsJsonAsync($"/api/sessions/{session}/enrollments", new { clusterManagerId = managerId })).ShouldBe(HttpStatusCode.Created);

        await (await staff.PostAsJsonAsync($"/api/sessions/{session}/cancel", new { reason = "De spreker is ziek" })).ShouldBe(HttpStatusCode.OK);

        var message = await app.Smtp.WaitForAsync(m => IsTo(m, email) && Kind(m) == "SessionCancelled");
        Assert.Contains("De spreker is ziek", message.TextBody);
        Assert.Contains("METHOD:CANCEL", Ics(message));
        Assert.Contains("STATUS:CANCELLED", Ics(message));
    }

    [Fact]
    public async Task A_reminder_round_reaches_confirmed_people_who_enrolled_before_it_was_due_once_even_when_run_twice()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 3, language: "en");
        // A reminder rule that fell due a minute ago, for people who enrolled yesterday (backdated).
        var startsIn = TimeSpan.FromDays(2);
        var rule = (int)startsIn.TotalMinutes + 1;
        var session = await staff.PublishedSessionAsync(capacity: 1, startsIn: TimeSpan.FromDays(2), reminders: [rule]);
        foreach (var id in managers)
        {
            await (await staff.PostAsJsonAsync($"/api/sessions/{session}/enrollments", new { clusterManagerId = id })).ShouldBe(HttpStatusCode.Created);
        }

        await app.Database.ExecuteAsync($"UPDATE enrollments.enrollments SET enrolled_at = now() - interval '1 day', confirmed_at = now() - interval '1 day' WHERE session_id = '{session}'");
        var late = managers[2];
        var startsAt = new DateTimeOffset((await SessionAsync(staff, session)).StartsAt);

        await RunReminderJobAsync(j => j.SendRemindersAsync(Guid.Parse(session), rule, startsAt));
        await RunReminderJobAsync(j => j.SendRemindersAsync(Guid.Parse(session), rule, startsAt));

        var confirmed = await EmailOfAsync(managers[0]);
        var reminder = await app.Smtp.WaitForAsync(m => IsTo(m, confirmed) && Kind(m) == "Reminder");
        Assert.StartsWith("Reminder:", reminder.Subject);
        Assert.Contains("METHOD:PUBLISH", Ics(reminder));
        await Task.Delay(1500);
        Assert.Single(app.Smtp.To(confirmed), m => Kind(m) == "Reminder");
        Assert.DoesNotContain(app.Smtp.To(await EmailOfAsync(managers[1])), m => Kind(m) == "Reminder"); // waitlisted
        var log = await staff.Typed().GetEmailsAsync(new EmailQuery(SessionId: Guid.Parse(session), Kind: "Reminder")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, log.Total);
        Assert.Equal("Sent", log.Items[0].Status);
    }

    [Fact]
    public async Task Someone_who_enrolled_after_a_reminder_was_due_does_not_get_it()
    {
        using var staff = await app.StaffClientAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1))[0];
        var rule = (int)TimeSpan.FromDays(2).TotalMinutes + 1;
        var session = await staff.PublishedSessionAsync(capacity: 3, startsIn: TimeSpan.FromDays(2), reminders: [rule]);
        await (await staff.PostAsJsonAsync($"/api/sessions/{session}/enrollments", new { clusterManagerId = managerId })).ShouldBe(HttpStatusCode.Created);
        var startsAt = new DateTimeOffset((await SessionAsync(staff, session)).StartsAt);

        await RunReminderJobAsync(j => j.SendRemindersAsync(Guid.Parse(session), rule, startsAt));

        var log = await staff.Typed().GetEmailsAsync(new EmailQuery(SessionId: Guid.Parse(session), Kind: "Reminder")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, log.Total);
    }

    [Fact]
    public async Task Hangfire_sends_a_reminder_when_it_is_due()
    {
        using var staff = await app.StaffClientAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1, language: "nl"))[0];
        var email = await EmailOfAsync(managerId);
        // A session 125 seconds from now with a reminder 2 minutes before: due in about 5 seconds.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var start = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(125), zone).DateTime;
        var created = await (await staff.PostAsJsonAsync("/api/sessions", new
        {
            title = "Snelle sessie", kind = "Training", timeZone = "Europe/Brussels", capacity = 3,
            start = start.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            end = start.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            reminders = new[] { new { minutesBefore = 2 } },
        })).Json(HttpStatusCode.Created);
        await (await staff.PostAsJsonAsync($"/api/sessions/{created.Id()}/enrollments", new { clusterManagerId = managerId })).ShouldBe(HttpStatusCode.Conflict); // a draft
        await (await staff.PostAsync($"/api/sessions/{created.Id()}/publish", null)).ShouldBe(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync($"/api/sessions/{created.Id()}/enrollments", new { clusterManagerId = managerId })).ShouldBe(HttpStatusCode.Created);

        MimeKit.MimeMessage reminder;
        try
        {
            reminder = await app.Smtp.WaitForAsync(m => IsTo(m, email) && Kind(m) == "Reminder", TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            var jobs = await app.Database.ScalarAsync<string>("SELECT coalesce(string_agg(statename || ' ' || left(invocationdata::text, 200), ' | '), 'none') FROM hangfire.job");
            var errors = await app.Database.ScalarAsync<string>("SELECT coalesce(string_agg(last_error, ' | '), 'none') FROM notifications.outbox_messages WHERE last_error IS NOT NULL");
            throw new TimeoutException($"No reminder. Hangfire jobs: {jobs}. Outbox errors: {errors}");
        }

        Assert.StartsWith("Herinnering: Snelle sessie", reminder.Subject);
        var sent = (await staff.Typed().GetEmailsAsync(new EmailQuery(SessionId: Guid.Parse(created.Id()), Kind: "Reminder")).Expect(HttpStatusCode.OK)).Items[0];
        var late = sent.SentAt!.Value - sent.DueAt;
        Assert.True(late < TimeSpan.FromSeconds(60), $"sent {late} after its due time");
    }

    [Fact]
    public async Task Follow_ups_thank_attendees_with_a_feedback_link_and_miss_the_absent()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 2, language: "en");
        var session = await staff.PublishedSessionAsync(capacity: 5, followUps: [0]);
        var present = await (await staff.PostAsJsonAsync($"/api/sessions/{session}/enrollments", new { clusterManagerId = managers[0] })).Json(HttpStatusCode.Created);
        var absent = await (await staff.PostAsJsonAsync($"/api/sessions/{session}/enrollments", new { clusterManagerId = managers[1] })).Json(HttpStatusCode.Created);
        await (await staff.PutAsJsonAsync($"/api/sessions/{session}/attendance", new[]
        {
            new { enrollmentId = present.Id(), attendance = "Attended" }, new { enrollmentId = absent.Id(), attendance = "Absent" },
        })).ShouldBe(HttpStatusCode.NoContent);
        // As if the session took place: it ended an hour ago, and its follow-up (0 minutes after the end) is due.
        await app.Database.ExecuteAsync($"UPDATE sessions.sessions SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = '{session}'");
        var endsAt = new DateTimeOffset((await SessionAsync(staff, session)).EndsAt);

        await RunReminderJobAsync(j => j.SendFollowUpsAsync(Guid.Parse(session), 0, endsAt));
        await RunReminderJobAsync(j => j.SendFollowUpsAsync(Guid.Parse(session), 0, endsAt));

        var presentEmail = await EmailOfAsync(managers[0]);
        var absentEmail = await EmailOfAsync(managers[1]);
        var thanks = await app.Smtp.WaitForAsync(m => IsTo(m, presentEmail) && Kind(m) == "FollowUp");
        var missed = await app.Smtp.WaitForAsync(m => IsTo(m, absentEmail) && Kind(m) == "FollowUp");
        Assert.StartsWith("Thank you for coming", thanks.Subject);
        Assert.StartsWith("We missed you", missed.Subject);
        Assert.DoesNotContain("materials", thanks.TextBody, StringComparison.OrdinalIgnoreCase); // none attached to this session
        var token = Api.TokenFrom(thanks);
        Assert.Contains("/feedback?token=", thanks.TextBody);

        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/feedback", new { token, rating = 4, comment = "Heel nuttig" })).ShouldBe(HttpStatusCode.NoContent);
        await (await anonymous.PostAsJsonAsync("/api/feedback", new { token, rating = 5 })).ShouldBe(HttpStatusCode.Conflict);
        await (await anonymous.PostAsJsonAsync("/api/feedback", new { token = "forged", rating = 5 })).ShouldNameInvalidField("token");
        await (await anonymous.PostAsJsonAsync("/api/feedback", new { token, rating = 9 })).ShouldNameInvalidField("rating");
        var summary = await staff.Typed().GetFeedbackSummaryAsync(Guid.Parse(session)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, summary.Responses);
        Assert.Equal(4, summary.AverageRating);
        Assert.Equal(["Heel nuttig"], summary.Comments);
        await Task.Delay(1000);
        Assert.Single(app.Smtp.To(presentEmail), m => Kind(m) == "FollowUp");
    }

    [Fact]
    public async Task The_thank_you_lists_the_sessions_materials()
    {
        using var staff = await app.StaffClientAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1, language: "en"))[0];
        var session = await staff.PublishedSessionAsync(capacity: 5, followUps: [0]);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.7\nmaterials"u8.ToArray()), "file", "slides.pdf" },
            { new StringContent("Slides of the day"), "title" },
            { new StringContent("Materials"), "category" },
            { new StringContent("en"), "language" },
        };
        var guideline = await (await staff.PostAsync("/api/guidelines", form)).Json(HttpStatusCode.Created);
        await (await staff.PostAsync($"/api/guidelines/{guideline.Id()}/publish", null)).ShouldBe(HttpStatusCode.OK);
        await (await staff.PutAsJsonAsync($"/api/sessions/{session}/materials", new { guidelineIds = new[] { guideline.Id() } })).ShouldBe(HttpStatusCode.NoContent);
        await (await staff.PostAsJsonAsync($"/api/sessions/{session}/enrollments", new { clusterManagerId = managerId })).ShouldBe(HttpStatusCode.Created);
        await app.Database.ExecuteAsync($"UPDATE sessions.sessions SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = '{session}'");
        var endsAt = new DateTimeOffset((await SessionAsync(staff, session)).EndsAt);

        await RunReminderJobAsync(j => j.SendFollowUpsAsync(Guid.Parse(session), 0, endsAt));

        var email = await EmailOfAsync(managerId);
        var thanks = await app.Smtp.WaitForAsync(m => IsTo(m, email) && Kind(m) == "FollowUp");
        Assert.Contains("Slides of the day", thanks.TextBody);
    }

    [Fact]
    public async Task Confirmations_delivered_again_after_a_crash_leave_one_email_per_enrollment()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 5, language: "en");
        var session = await staff.PublishedSessionAsync(capacity: 5);
        var enrollments = new List<string>();
        foreach (var manager in managers)
        {
            enrollments.Add((await (await staff.PostAsJsonAsync($"/api/sessions/{session}/enrollments", new { clusterManagerId = manager })).Json(HttpStatusCode.Created)).Id());
        }

        var keys = string.Join(",", enrollments.Select(id => $"'enrollment-confirmed:{id}'"));
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications.emails WHERE source_key IN ({keys})") == 5);
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM enrollments.outbox_messages WHERE payload->>'sessionId' = '{session}' AND processed_at IS NULL") == 0);

        // As if the host that handled these events had written only the third email and crashed
        // before marking them: all five come again. The third's insert adds nothing (its first
        // email stands, no message fails over it); the others are written, each once.
        var third = await app.Database.ScalarAsync<Guid>($"SELECT id FROM notifications.emails WHERE source_key = 'enrollment-confirmed:{enrollments[2]}'");
        await app.Database.ExecuteAsync($"DELETE FROM notifications.emails WHERE source_key IN ({keys}) AND source_key <> 'enrollment-confirmed:{enrollments[2]}'");
        await app.Database.ExecuteAsync($"UPDATE enrollments.outbox_messages SET processed_at = NULL WHERE payload->>'sessionId' = '{session}'");

        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM enrollments.outbox_messages WHERE payload->>'sessionId' = '{session}' AND processed_at IS NULL") == 0);
        Assert.Equal(5, await app.Database.ScalarAsync<long>($"SELECT count(DISTINCT source_key) FROM notifications.emails WHERE source_key IN ({keys})"));
        Assert.Equal(5, await app.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications.emails WHERE source_key IN ({keys})"));
        Assert.Equal(third, await app.Database.ScalarAsync<Guid>($"SELECT id FROM notifications.emails WHERE source_key = 'enrollment-confirmed:{enrollments[2]}'"));
        Assert.Equal(0, await app.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM enrollments.outbox_messages WHERE payload->>'sessionId' = '{session}' AND (attempts > 0 OR failed_at IS NOT NULL)"));
    }

    [Fact]
    public async Task A_confirmation_event_written_before_events_carried_the_session_and_enrollee_still_gets_its_email()
    {
        using var staff = await app.StaffClientAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1, language: "nl"))[0];
        var email = await EmailOfAsync(managerId);
        var session = await staff.PublishedSessionAsync(capacity: 5, title: "Oude gebeurtenis");
        var enrollment = (await (await staff.PostAsJsonAsync($"/api/sessions/{session}/enrollments", new { clusterManagerId = managerId })).Json(HttpStatusCode.Created)).Id();
        await app.Smtp.WaitForAsync(m => IsTo(m, email) && Kind(m) == "EnrollmentConfirmed");

        // The same event as an older host wrote it (no session, no enrollee), for another enrollment:
        // the handler must look both up itself.
        var (oldEvent, oldEnrollment) = (Guid.NewGuid(), Guid.NewGuid());
        await app.Database.ExecuteAsync($"""
            INSERT INTO enrollments.outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts)
            SELECT '{oldEvent}', type, (payload - 'session' - 'enrollee') || jsonb_build_object('eventId', '{oldEvent}', 'enrollmentId', '{oldEnrollment}'), now(), now(), 0
            FROM enrollments.outbox_messages WHERE payload->>'enrollmentId' = '{enrollment}'
            """);
        Assert.Equal(0, await app.Database.ScalarAsync<long>($"SELECT count(*) FROM enrollments.outbox_messages WHERE id = '{oldEvent}' AND (payload ? 'session' OR payload ? 'enrollee')"));

        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM notifications.emails WHERE source_key = 'enrollment-confirmed:{oldEnrollment}'") == 1);
        await Eventually.TrueAsync(() => Task.FromResult(app.Smtp.To(email).Count(m => Kind(m) == "EnrollmentConfirmed") == 2));
        var again = app.Smtp.To(email).Last(m => Kind(m) == "EnrollmentConfirmed");
        Assert.Contains("Oude gebeurtenis", again.TextBody);
        Assert.Equal(session, again.Headers["X-LearningNetwork-Session"]);
    }

    [Fact]
    public async Task The_Hangfire_dashboard_is_for_staff_only()
    {
        using var cookies = app.BrowserClient(allowAutoRedirect: false);
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await (await cookies.PostAsJsonAsync("/api/auth/cookie-login", new { email = LearningNetworkApp.StaffEmail, password = LearningNetworkApp.StaffPassword })).ShouldBe(HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.OK, (await cookies.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
    }

    private async Task RunReminderJobAsync(Func<ReminderJobs, Task> run)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await run(scope.ServiceProvider.GetRequiredService<ReminderJobs>());
    }

    private Task<string> EmailOfAsync(Guid managerId) =>
        app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managerId));

    private static bool IsTo(MimeMessage message, string email) => message.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase));

    private static string? Kind(MimeMessage message) => message.Headers["X-LearningNetwork-Kind"];

    private static string Ics(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Task<SessionView> SessionAsync(HttpClient staff, string session) => staff.Typed().GetSessionAsync(Guid.Parse(session)).Expect(HttpStatusCode.OK);
}
