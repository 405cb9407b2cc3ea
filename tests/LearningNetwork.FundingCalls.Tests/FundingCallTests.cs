using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Testing;

namespace LearningNetwork.FundingCalls.Tests;

/// <summary>Funding calls: who sees them, their deadline reminders, the calendar feed, and the clusters' funding history.</summary>
public sealed class FundingCallTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    [Fact]
    public async Task A_call_for_innovative_business_networks_is_seen_by_their_managers_only()
    {
        var staff = await app.StaffApiAsync();
        var calls = new Calls(app, staff);
        var ibn = await app.SignedInManagerOfAsync(staff, await calls.ClusterAsync("InnovativeBusinessNetwork"));
        var spearhead = await app.SignedInManagerOfAsync(staff, await calls.ClusterAsync("SpearheadCluster"));
        var draft = await calls.CreateAsync(Calls.For("InnovativeBusinessNetwork", LocalIn(days: 40)));
        var published = await calls.PublishedAsync(Calls.For("InnovativeBusinessNetwork", LocalIn(days: 40)));

        Assert.Equal("Published", (await ibn.GetFundingCallAsync(published.Id).Expect(HttpStatusCode.OK)).Status);
        await spearhead.GetFundingCallAsync(published.Id).ExpectProblem(HttpStatusCode.NotFound);
        await ibn.GetFundingCallAsync(draft.Id).ExpectProblem(HttpStatusCode.NotFound);
        var ibnList = await ibn.GetFundingCallsAsync().Expect(HttpStatusCode.OK);
        Assert.Contains(ibnList.Items, c => c.Id == published.Id);
        Assert.DoesNotContain(ibnList.Items, c => c.Id == draft.Id);
        Assert.DoesNotContain((await spearhead.GetFundingCallsAsync().Expect(HttpStatusCode.OK)).Items, c => c.Id == published.Id);
        await ibn.WithdrawFundingCallAsync(published.Id).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("Withdrawn", (await staff.WithdrawFundingCallAsync(published.Id).Expect(HttpStatusCode.OK)).Status);
        await ibn.GetFundingCallAsync(published.Id).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_14_day_reminder_reaches_every_active_eligible_opted_in_manager_once_in_their_language()
    {
        var staff = await app.StaffApiAsync();
        var calls = new Calls(app, staff);
        var ibnCluster = await calls.ClusterAsync("InnovativeBusinessNetwork");
        var dutch = await calls.ManagerAsync(ibnCluster, "nl");
        var french = await calls.ManagerAsync(ibnCluster, "fr");
        var leaver = await calls.ManagerAsync(ibnCluster, "en");
        await staff.DeactivateManagerAsync(leaver.Id).Expect(HttpStatusCode.OK);
        var other = await calls.ManagerAsync(await calls.ClusterAsync("SpearheadCluster"), "nl");
        var optedOut = await app.SignedInManagerOfAsync(staff, ibnCluster);
        await optedOut.SavePreferencesAsync("nl", announcements: false).Expect(HttpStatusCode.OK);
        var optedOutEmail = (await optedOut.GetMeAsync().Expect(HttpStatusCode.OK)).Email;
        var call = await calls.PublishedAsync(Calls.For("InnovativeBusinessNetwork", LocalIn(days: 40), 14));

        // Its one reminder is due in 26 days: run it now, twice, as a retry or a second host would.
        var job = Assert.Single(await Eventually.ValueAsync(() => calls.ScheduledJobsAsync(call.Id), jobs => jobs.Count == 1));
        await calls.RunNowAsync(job);

        var nl = await app.Smtp.WaitForAsync(m => IsDeadlineTo(m, dutch.Email));
        var fr = await app.Smtp.WaitForAsync(m => IsDeadlineTo(m, french.Email));
        Assert.StartsWith("Deadline over 14 dagen", nl.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Échéance dans 14 jours", fr.Subject, StringComparison.Ordinal);
        Assert.Equal("FundingDeadline", nl.Headers["X-LearningNetwork-Kind"]);
        Assert.Contains(call.Title, nl.TextBody, StringComparison.Ordinal);
        Assert.Contains(call.Title, nl.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("<http", nl.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", nl.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(0, await calls.DeadlineEmailsAsync(call.Id, optedOutEmail));
        Assert.Equal(0, await calls.DeadlineEmailsAsync(call.Id, leaver.Email));
        Assert.Equal(0, await calls.DeadlineEmailsAsync(call.Id, other.Email));
        Assert.Equal(1, await calls.DeadlineEmailsAsync(call.Id, dutch.Email));
        Assert.Equal(1, await calls.DeadlineEmailsAsync(call.Id, french.Email));
    }

    [Fact]
    public async Task Moving_the_deadline_plans_the_reminders_again_and_the_old_ones_send_nothing()
    {
        var staff = await app.StaffApiAsync();
        var calls = new Calls(app, staff);
        var manager = await calls.ManagerAsync(await calls.ClusterAsync("SpearheadCluster"));
        var request = Calls.For("SpearheadCluster", LocalIn(days: 40), 14);
        var call = await calls.PublishedAsync(request);
        var old = Assert.Single(await Eventually.ValueAsync(() => calls.ScheduledJobsAsync(call.Id), jobs => jobs.Count == 1));

        var moved = await staff.UpdateFundingCallAsync(call.Id, request with { Deadline = Calls.Local(LocalIn(days: 50)) }).Expect(HttpStatusCode.OK);
        Assert.NotEqual(call.DeadlineAt, moved.DeadlineAt);
        var jobs = await Eventually.ValueAsync(() => calls.ScheduledJobsAsync(call.Id), found => found.Count == 2);

        await calls.RunNowAsync(old);
        Assert.Equal(0, await calls.DeadlineEmailsAsync(call.Id));
        await calls.RunNowAsync(jobs.Single(j => j != old));
        Assert.Equal(1, await calls.DeadlineEmailsAsync(call.Id, manager.Email));
    }

    [Fact]
    public async Task A_withdrawn_call_sends_nothing_and_a_reminder_already_past_at_publication_is_not_planned()
    {
        var staff = await app.StaffApiAsync();
        var calls = new Calls(app, staff);
        await calls.ManagerAsync(await calls.ClusterAsync("SpearheadCluster"));
        var withdrawn = await calls.PublishedAsync(Calls.For("SpearheadCluster", LocalIn(days: 40), 14));
        var job = Assert.Single(await Eventually.ValueAsync(() => calls.ScheduledJobsAsync(withdrawn.Id), jobs => jobs.Count == 1));
        await staff.WithdrawFundingCallAsync(withdrawn.Id).Expect(HttpStatusCode.OK);

        await calls.RunNowAsync(job);

        Assert.Equal(0, await calls.DeadlineEmailsAsync(withdrawn.Id));
        // Five days before the deadline: its 14-day reminder is already past, only the 3-day one is planned.
        var late = await calls.PublishedAsync(Calls.For("SpearheadCluster", LocalIn(days: 5), 14, 3));
        await Task.Delay(1000);
        Assert.Single(await calls.ScheduledJobsAsync(late.Id));
    }

    [Fact]
    public async Task A_reminder_due_now_goes_out_on_time()
    {
        var staff = await app.StaffApiAsync();
        var calls = new Calls(app, staff);
        var manager = await calls.ManagerAsync(await calls.ClusterAsync("InnovativeBusinessNetwork"));
        // A deadline one day and 20 seconds from now, with a one-day reminder: due in about 20 seconds.
        var deadline = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(1).AddSeconds(20), Brussels).DateTime;
        var call = await calls.PublishedAsync(Calls.For("InnovativeBusinessNetwork", deadline, 1) with
        {
            Deadline = deadline.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        });

        var reminder = await app.Smtp.WaitForAsync(m => IsDeadlineTo(m, manager.Email), TimeSpan.FromSeconds(90));

        Assert.Contains(call.Title, reminder.Subject, StringComparison.Ordinal);
        // The send log records the sending just after the SMTP server has the message.
        var sentAt = (DateTime)await Eventually.ValueAsync(
            () => app.Database.ScalarAsync<object>("SELECT sent_at FROM notifications.emails WHERE kind = 'FundingDeadline' AND recipient = @to", ("to", manager.Email)),
            value => value is DateTime);
        Assert.True(sentAt - call.DeadlineAt.AddDays(-1) < TimeSpan.FromSeconds(60), $"sent at {sentAt:O}, due at {call.DeadlineAt.AddDays(-1):O}");
    }

    [Fact]
    public async Task The_calendar_feed_carries_the_deadline_of_an_open_eligible_call_and_follows_its_move()
    {
        var staff = await app.StaffApiAsync();
        var calls = new Calls(app, staff);
        var manager = await app.SignedInManagerOfAsync(staff, await calls.ClusterAsync("InnovativeBusinessNetwork"));
        var request = Calls.For("InnovativeBusinessNetwork", new DateTime(2027, 3, 15, 17, 0, 0), 14);
        var call = await calls.PublishedAsync(request);
        var spearheadOnly = await calls.PublishedAsync(Calls.For("SpearheadCluster", new DateTime(2027, 3, 16, 17, 0, 0), 14));
        var feed = await manager.GetCalendarFeedAsync().Expect(HttpStatusCode.OK);
        using var calendarApp = app.CreateClient();

        var ics = await calendarApp.GetStringAsync(new Uri(feed.Url).PathAndQuery);
        Assert.Contains($"UID:funding-call-{call.Id}@learningnetwork", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20270315T160000Z", ics, StringComparison.Ordinal);
        Assert.DoesNotContain(spearheadOnly.Id.ToString(), ics, StringComparison.Ordinal);

        await staff.UpdateFundingCallAsync(call.Id, request with { Deadline = "2027-03-22T17:00" }).Expect(HttpStatusCode.OK);
        var moved = await calendarApp.GetStringAsync(new Uri(feed.Url).PathAndQuery);
        Assert.Contains("DTSTART:20270322T160000Z", moved, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", moved, StringComparison.Ordinal);
        Assert.Single(moved.Split($"UID:funding-call-{call.Id}").Skip(1));
    }

    [Fact]
    public async Task A_moved_funding_end_is_kept_in_the_history_and_changes_the_status_of_a_session_in_between()
    {
        var staff = await app.StaffApiAsync();
        var calls = new Calls(app, staff);
        var clusterId = await calls.ClusterAsync("InnovativeBusinessNetwork", new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31));
        var cluster = await staff.GetClusterAsync(clusterId).Expect(HttpStatusCode.OK);
        var manager = await calls.ManagerAsync(clusterId);
        var session = await staff.PublishedSessionAsync(capacity: 5, daysAhead: 60);
        var enrollment = await staff.EnrollAsync(session.Id, manager.Id).Expect(HttpStatusCode.Created);
        await staff.RecordAttendanceAsync(session.Id, [(enrollment.Id, "Attended")]).Expect(HttpStatusCode.NoContent);
        var year = session.StartsAt.Year;
        Assert.True((await RowAsync(staff, year, clusterId)).HoursAttendedPostFunding > 0);

        await staff.UpdateClusterAsync(clusterId, new ClusterRequest(cluster.Name, cluster.Type, FundingStart: new DateOnly(2024, 1, 1), FundingEnd: new DateOnly(year + 1, 6, 30)))
            .Expect(HttpStatusCode.OK);

        var history = await staff.GetClusterHistoryAsync(clusterId).Expect(HttpStatusCode.OK);
        var change = Assert.Single(history);
        Assert.Equal(("fundingEnd", "2026-12-31", $"{year + 1}-06-30"), (change.Field, change.OldValue, change.NewValue));
        Assert.NotNull(change.ActorId);
        Assert.Equal(0, (await RowAsync(staff, year, clusterId)).HoursAttendedPostFunding);
        Assert.Equal(FundingStatus.Funded, (await staff.GetClusterAsync(clusterId).Expect(HttpStatusCode.OK)).FundingStatus);
    }

    private static async Task<ParticipationRowView> RowAsync(LearningNetworkApi staff, int year, Guid clusterId) =>
        (await staff.GetParticipationAsync(year).Expect(HttpStatusCode.OK)).Rows.Single(r => r.ClusterId == clusterId);

    private static bool IsDeadlineTo(MimeKit.MimeMessage message, string email) =>
        message.To.ToString().Contains(email, StringComparison.Ordinal) && message.Headers["X-LearningNetwork-Kind"] == "FundingDeadline";

    private static DateTime LocalIn(int days) => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(days), Brussels).Date.AddHours(17);
}
