using System.Net;
using System.Text;
using LearningNetwork.ApiClient;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Testing;

namespace LearningNetwork.LearningNetworks.Tests;

/// <summary>Who came over the whole cycle, as staff see it and export it.</summary>
public sealed class AttendanceTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task The_attendance_matrix_and_its_csv_match_the_marked_attendance()
    {
        using var staffClient = await app.StaffClientAsync();
        var staff = staffClient.Typed();
        var managers = await app.CreateManagersAsync(staff, 3);
        var network = await staff.NewNetworkAsync("MembersOnly");
        await staff.AddMembersAsync(network.Id, managers);
        var first = await staff.PublishedMeetingAsync(network.Id, capacity: 10, daysAhead: 10);
        var second = await staff.PublishedMeetingAsync(network.Id, capacity: 10, daysAhead: 20);
        await Eventually.TrueAsync(async () => (await staff.ParticipantsAsync(first)).Count == 3 && (await staff.ParticipantsAsync(second)).Count == 3);

        // Manager 0 came twice; manager 1 came once and missed once; manager 2 cancelled the second and is unmarked at the first.
        await MarkAsync(staff, first, (managers[0], "Attended"), (managers[1], "Absent"));
        await MarkAsync(staff, second, (managers[0], "Attended"), (managers[1], "Attended"));
        var cancel = (await staff.ParticipantsAsync(second)).Single(p => p.ClusterManagerId == managers[2]);
        await staff.CancelEnrollmentAsync(cancel.Id).Expect(HttpStatusCode.OK);

        var matrix = await staff.GetNetworkAttendanceAsync(network.Id).Expect(HttpStatusCode.OK);

        Assert.Equal([first, second], matrix.Meetings.Select(m => m.SessionId));
        var rows = matrix.Members.ToDictionary(m => m.ClusterManagerId);
        Assert.Equal(["Attended", "Attended"], rows[managers[0]].Marks);
        Assert.Equal(1.0, rows[managers[0]].AttendanceRate);
        Assert.Equal(["Absent", "Attended"], rows[managers[1]].Marks);
        Assert.Equal(0.5, rows[managers[1]].AttendanceRate);
        Assert.Equal(["Unknown", "NotEnrolled"], rows[managers[2]].Marks);
        Assert.Null(rows[managers[2]].AttendanceRate);

        var csv = await staffClient.GetAsync($"/api/learning-networks/{network.Id}/attendance.csv");
        await csv.ShouldBe(HttpStatusCode.OK);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Name;Cluster;Member;", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(";Attendance rate (%)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("Manager 001;", StringComparison.Ordinal) && l.EndsWith(";Yes;Absent;Attended;50", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Manager 002;", StringComparison.Ordinal) && l.EndsWith(";Unknown;NotEnrolled;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_former_member_who_was_marked_stays_in_the_record_of_the_cycle()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 2);
        var network = await staff.NewNetworkAsync("MembersOnly");
        await staff.AddMembersAsync(network.Id, managers);
        var meeting = await staff.PublishedMeetingAsync(network.Id, capacity: 10);
        await Eventually.TrueAsync(async () => (await staff.ParticipantsAsync(meeting)).Count == 2);
        await MarkAsync(staff, meeting, (managers[0], "Attended"));
        // It took place: leaving now cancels nothing of it.
        await app.Database.ExecuteAsync($"UPDATE sessions.sessions SET starts_at = now() - interval '1 day', ends_at = now() - interval '22 hours' WHERE id = '{meeting}'");

        await staff.RemoveNetworkMemberAsync(network.Id, managers[0]).Expect(HttpStatusCode.NoContent);
        await staff.RemoveNetworkMemberAsync(network.Id, managers[1]).Expect(HttpStatusCode.NoContent);

        var matrix = await staff.GetNetworkAttendanceAsync(network.Id).Expect(HttpStatusCode.OK);
        var former = Assert.Single(matrix.Members);
        Assert.Equal((managers[0], false, 1.0), (former.ClusterManagerId, former.IsMember, former.AttendanceRate!.Value));
    }

    private static async Task MarkAsync(LearningNetworkApi staff, Guid meeting, params (Guid Manager, string Attendance)[] marks)
    {
        var participants = await staff.ParticipantsAsync(meeting);
        var body = marks.Select(m => (participants.Single(p => p.ClusterManagerId == m.Manager && p.Status == EnrollmentStatus.Confirmed).Id, m.Attendance));
        await staff.RecordAttendanceAsync(meeting, body).Expect(HttpStatusCode.NoContent);
    }
}
