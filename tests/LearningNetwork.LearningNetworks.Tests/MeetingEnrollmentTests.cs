using System.Net;
using System.Text;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Testing;

namespace LearningNetwork.LearningNetworks.Tests;

/// <summary>Members follow the network's meetings: enrolled when a meeting is published or when they join, released when they leave.</summary>
public sealed class MeetingEnrollmentTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task Publishing_a_meeting_enrolls_every_member_and_waitlists_the_rest_in_join_order()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 5);
        var network = await staff.NewNetworkAsync("MembersOnly");
        await staff.AddMembersAsync(network.Id, [managers[3], managers[1]]);
        await staff.AddMembersAsync(network.Id, [managers[4], managers[0], managers[2]]);
        var meeting = await staff.DraftMeetingAsync(network.Id, capacity: 3);
        // Their joins are handled before the meeting is published, by every module that follows
        // them: the publication enrolls them. (A join's welcome email is written before the same
        // join enrolls new members in published meetings, so a written welcome does not say the
        // join is handled; its outbox message, marked once all its handlers took it, does.)
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM learning_networks.outbox_messages WHERE type LIKE '%LearningNetworkMembersJoined,%' AND payload->>'learningNetworkId' = @id AND processed_at IS NOT NULL",
            ("id", network.Id.ToString())) == 2);
        Assert.Equal(5, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM notifications.emails WHERE kind = 'LearningNetworkWelcome' AND values->>'networkId' = @id", ("id", network.Id.ToString())));

        await staff.PublishSessionAsync(meeting).Expect(HttpStatusCode.OK);

        await Eventually.TrueAsync(async () => (await staff.ParticipantsAsync(meeting)).Count == 5);
        var participants = await staff.ParticipantsAsync(meeting);
        Assert.Equal([managers[3], managers[1], managers[4]], participants.Where(p => p.Status == EnrollmentStatus.Confirmed).Select(p => p.ClusterManagerId));
        Assert.Equal([managers[0], managers[2]], participants.Where(p => p.Status == EnrollmentStatus.Waitlisted).OrderBy(p => p.WaitlistPosition).Select(p => p.ClusterManagerId));
        var session = await staff.GetSessionAsync(meeting).Expect(HttpStatusCode.OK);
        Assert.Equal((3, 2), (session.SeatsTaken, session.WaitlistLength));
        Assert.Equal(network.Id, session.LearningNetworkId);

        // The usual emails: a confirmation for each seat, a waitlist notice for the others.
        await Eventually.ValueAsync(
            () => Task.FromResult(string.Join(", ", Kinds(meeting).Order(StringComparer.Ordinal))),
            kinds => kinds.Split(", ").Count(k => k == "EnrollmentConfirmed") == 3 && kinds.Split(", ").Count(k => k == "Waitlisted") == 2);
    }

    [Fact]
    public async Task A_member_added_later_is_enrolled_in_upcoming_published_meetings_only()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 1);
        var network = await staff.NewNetworkAsync("MembersOnly");
        var upcoming = await staff.PublishedMeetingAsync(network.Id, capacity: 10, daysAhead: 30);
        var draft = await staff.DraftMeetingAsync(network.Id, capacity: 10, daysAhead: 40);
        var cancelled = await staff.PublishedMeetingAsync(network.Id, capacity: 10, daysAhead: 50);
        await staff.CancelSessionAsync(cancelled, "Zaal niet beschikbaar").Expect(HttpStatusCode.OK);
        var held = await staff.PublishedMeetingAsync(network.Id, capacity: 10, daysAhead: 10);
        // A meeting that already took place: moved into the past behind the API's back.
        await app.Database.ExecuteAsync($"UPDATE sessions.sessions SET starts_at = now() - interval '2 days', ends_at = now() - interval '2 days' + interval '2 hours' WHERE id = '{held}'");

        await staff.AddMembersAsync(network.Id, managers);

        await Eventually.TrueAsync(async () => (await staff.ParticipantsAsync(upcoming)).Count == 1);
        Assert.Equal(EnrollmentStatus.Confirmed, Assert.Single(await staff.ParticipantsAsync(upcoming)).Status);
        await Task.Delay(1000);
        Assert.Empty(await staff.ParticipantsAsync(draft));
        Assert.Empty(await staff.ParticipantsAsync(cancelled));
        Assert.Empty(await staff.ParticipantsAsync(held));
        // The welcome email covers the meeting: no separate confirmation.
        Assert.DoesNotContain("EnrollmentConfirmed", Kinds(upcoming));
    }

    [Fact]
    public async Task A_member_who_leaves_loses_upcoming_places_and_the_waitlist_moves_up()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 2);
        var network = await staff.NewNetworkAsync("MembersOnly");
        await staff.AddMembersAsync(network.Id, managers);
        var meeting = await staff.PublishedMeetingAsync(network.Id, capacity: 1);
        await Eventually.TrueAsync(async () => (await staff.ParticipantsAsync(meeting)).Count == 2);

        await staff.RemoveNetworkMemberAsync(network.Id, managers[0]).Expect(HttpStatusCode.NoContent);

        await Eventually.TrueAsync(async () => (await staff.ParticipantsAsync(meeting)).Any(p => p.ClusterManagerId == managers[1] && p.Status == EnrollmentStatus.Confirmed));
        var participants = await staff.ParticipantsAsync(meeting);
        Assert.Equal(EnrollmentStatus.Cancelled, participants.Single(p => p.ClusterManagerId == managers[0]).Status);
        await staff.RemoveNetworkMemberAsync(network.Id, managers[0]).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_welcome_email_carries_every_upcoming_meeting_with_the_session_mails_uids()
    {
        using var staffClient = await app.StaffClientAsync();
        var staff = staffClient.Typed();
        var managers = await app.CreateManagersAsync(staff, 1, language: "fr");
        var email = await app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managers[0]));
        var network = await staff.NewNetworkAsync("Open", name: "Économie circulaire");
        var first = await staff.PublishedMeetingAsync(network.Id, capacity: 10, daysAhead: 15);
        var second = await staff.PublishedMeetingAsync(network.Id, capacity: 10, daysAhead: 45);

        await staff.AddMembersAsync(network.Id, managers);

        var welcome = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Headers["X-LearningNetwork-Kind"] == "LearningNetworkWelcome");
        Assert.Contains("Économie circulaire", welcome.Subject, StringComparison.Ordinal);
        Assert.Contains("Bienvenue", welcome.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bienvenue", welcome.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", welcome.Headers["Auto-Submitted"]);
        var ics = Encoding.UTF8.GetString(((MimeKit.MimePart)welcome.Attachments.Single()).Content!.Open().ReadAllBytes());
        Assert.Equal(2, ics.Split("BEGIN:VEVENT").Length - 1);
        foreach (var meeting in new[] { first, second })
        {
            var sessionIcs = await staffClient.GetStringAsync($"/api/sessions/{meeting}/calendar.ics");
            var uid = sessionIcs.Split("\r\n").Single(l => l.StartsWith("UID:", StringComparison.Ordinal));
            Assert.Contains(uid, ics, StringComparison.Ordinal);
        }
    }

    private List<string> Kinds(Guid sessionId) =>
        app.Smtp.Messages.Where(m => m.Headers["X-LearningNetwork-Session"] == sessionId.ToString()).Select(m => m.Headers["X-LearningNetwork-Kind"] ?? "").ToList();
}

internal static class StreamExtensions
{
    public static byte[] ReadAllBytes(this Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
