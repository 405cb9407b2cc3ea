using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;
using static LearningNetwork.Reaching.Tests.Reaching;

namespace LearningNetwork.Reaching.Tests;

/// <summary>Edits of what enrollees see of a session tell the confirmed ones once per window, with the session as it then is; other edits tell nobody.</summary>
public sealed class ChangeNoticeTests(ReachingApp app) : IClassFixture<ReachingApp>
{
    private static readonly TimeSpan PastTheWindow = TimeSpan.FromSeconds(ReachingApp.NoticeWindowSeconds + 4);

    [Fact]
    public async Task Two_quick_edits_of_the_place_make_one_SessionUpdated_with_the_final_place_and_a_higher_SEQUENCE()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 2, language: "fr");
        var (confirmed, waiting) = (await app.EmailOfAsync(managers[0]), await app.EmailOfAsync(managers[1]));
        var session = await staff.ScheduleAndPublishAsync(Draft($"Kick-off {Guid.NewGuid():N}",
            new Dictionary<string, Text> { ["fr"] = new("Lancement") }, capacity: 1));
        await staff.EnrollAsync(session.Id, managers[0]);
        await staff.EnrollAsync(session.Id, managers[1]);
        var confirmation = await app.Smtp.WaitForAsync(confirmed, "EnrollmentConfirmed");
        var sequenceBefore = int.Parse(IcsValue(confirmation.Ics(), "SEQUENCE"), CultureInfo.InvariantCulture);

        await (await staff.EditAsync(session.Id, Edit(session) with { Location = "Brussel, Koningsstraat 1" })).ShouldBe(HttpStatusCode.OK);
        await (await staff.EditAsync(session.Id, Edit(session) with { Location = "Antwerpen, Meir 2" })).ShouldBe(HttpStatusCode.OK);

        var notice = await app.Smtp.WaitForAsync(confirmed, "SessionUpdated");
        Assert.Contains("Lancement", notice.Subject, StringComparison.Ordinal);
        Assert.Contains("Antwerpen, Meir 2", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Koningsstraat", notice.TextBody, StringComparison.Ordinal);
        var ics = notice.Ics();
        Assert.Equal("Antwerpen, Meir 2", IcsValue(ics, "LOCATION"));
        Assert.Equal(IcsValue(confirmation.Ics(), "UID"), IcsValue(ics, "UID"));
        Assert.True(int.Parse(IcsValue(ics, "SEQUENCE"), CultureInfo.InvariantCulture) > sequenceBefore, $"SEQUENCE {IcsValue(ics, "SEQUENCE")} is not above {sequenceBefore}");
        Assert.Equal(IcsValue(ics, "SEQUENCE"), (await staff.GetAsync(session.Id)).Sequence.ToString(CultureInfo.InvariantCulture));

        // One notice for both edits, to the confirmed person only.
        await Task.Delay(PastTheWindow);
        Assert.Single(app.Smtp.Of(confirmed, "SessionUpdated"));
        Assert.Empty(app.Smtp.Of(waiting, "SessionUpdated"));
        Assert.Single(await staff.EmailsAsync(session.Id, "SessionUpdated"));
    }

    [Fact]
    public async Task An_edit_in_the_last_moments_of_the_window_is_in_its_notice()
    {
        using var staff = await app.StaffClientAsync();
        var manager = (await app.CreateManagersAsync(staff, 1, language: "en"))[0];
        var email = await app.EmailOfAsync(manager);
        var session = await staff.ScheduleAndPublishAsync(Draft($"Late change {Guid.NewGuid():N}"));
        await staff.EnrollAsync(session.Id, manager);

        var firstEdit = DateTime.UtcNow;
        await (await staff.EditAsync(session.Id, Edit(session) with { Location = "Leuven" })).ShouldBe(HttpStatusCode.OK);
        await Task.Delay(firstEdit.AddSeconds(ReachingApp.NoticeWindowSeconds - 0.7) - DateTime.UtcNow);
        await (await staff.EditAsync(session.Id, Edit(session) with { Location = "Mechelen" })).ShouldBe(HttpStatusCode.OK);

        var notice = await app.Smtp.WaitForAsync(email, "SessionUpdated");
        Assert.Equal("Mechelen", IcsValue(notice.Ics(), "LOCATION"));
        await Task.Delay(PastTheWindow);
        Assert.Single(app.Smtp.Of(email, "SessionUpdated"));
    }

    [Fact]
    public async Task An_edit_after_the_window_closed_makes_a_second_notice()
    {
        using var staff = await app.StaffClientAsync();
        var manager = (await app.CreateManagersAsync(staff, 1, language: "en"))[0];
        var email = await app.EmailOfAsync(manager);
        var session = await staff.ScheduleAndPublishAsync(Draft($"Workshop {Guid.NewGuid():N}"));
        await staff.EnrollAsync(session.Id, manager);

        await (await staff.EditAsync(session.Id, Edit(session) with { Description = "Bring a laptop." })).ShouldBe(HttpStatusCode.OK);
        await app.Smtp.WaitForAsync(email, "SessionUpdated", m => (m.TextBody ?? "").Contains("Bring a laptop.", StringComparison.Ordinal));
        await (await staff.EditAsync(session.Id, Edit(session) with { Description = "Bring a laptop.", OnlineUrl = "https://meet.example.org/workshop" })).ShouldBe(HttpStatusCode.OK);

        var second = await app.Smtp.WaitForAsync(email, "SessionUpdated", m => (m.TextBody ?? "").Contains("https://meet.example.org/workshop", StringComparison.Ordinal));
        Assert.Equal(2, app.Smtp.Of(email, "SessionUpdated").Count);
        Assert.Equal("Bring a laptop.", IcsValue(second.Ics(), "DESCRIPTION").Split("\\n")[0]);
    }

    [Fact]
    public async Task Capacity_reminder_and_deadline_edits_email_nobody_and_leave_the_SEQUENCE()
    {
        using var staff = await app.StaffClientAsync();
        var manager = (await app.CreateManagersAsync(staff, 1))[0];
        var session = await staff.ScheduleAndPublishAsync(Draft($"Capaciteit {Guid.NewGuid():N}", capacity: 5));
        await staff.EnrollAsync(session.Id, manager);
        var deadline = Local(DateTime.UtcNow.Date.AddDays(18).AddHours(12));

        var edited = await (await staff.EditAsync(session.Id, Edit(session) with { Capacity = 40, EnrollmentDeadline = deadline })).Typed<Session>(HttpStatusCode.OK);
        await (await staff.PutAsJsonAsync($"/api/sessions/{session.Id}", new
        {
            title = session.Title, kind = "Training", timeZone = "Europe/Brussels", capacity = 40, location = session.Location,
            reminders = new[] { new { minutesBefore = 2880 } },
        })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(session.Sequence, edited.Sequence);
        Assert.Equal(session.Sequence, (await staff.GetAsync(session.Id)).Sequence);
        await Task.Delay(PastTheWindow);
        Assert.Empty(await staff.EmailsAsync(session.Id, "SessionUpdated"));
        Assert.Empty(app.Smtp.Of(await app.EmailOfAsync(manager), "SessionUpdated"));
    }
}
