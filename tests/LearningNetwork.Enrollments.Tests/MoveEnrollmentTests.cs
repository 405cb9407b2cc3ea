using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Testing;

namespace LearningNetwork.Enrollments.Tests;

/// <summary>Staff move a participant to another session: all or nothing, the waitlist moves up, the usual emails go out.</summary>
public sealed class MoveEnrollmentTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_moved_participant_gets_a_seat_in_the_new_session_and_their_old_seat_goes_to_the_waitlist()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 2, language: "en");
        var full = await staff.PublishedSessionAsync(capacity: 1);
        var other = await staff.PublishedSessionAsync(capacity: 3, daysAhead: 25);
        var moving = await staff.EnrollAsync(full.Id, managers[0]).Expect(HttpStatusCode.Created);
        var waiting = await staff.EnrollAsync(full.Id, managers[1]).Expect(HttpStatusCode.Created);
        Assert.Equal(EnrollmentStatus.Waitlisted, waiting.Status);

        var moved = await staff.MoveEnrollmentAsync(moving.Id, other.Id).Expect(HttpStatusCode.OK);

        Assert.Equal(other.Id, moved.SessionId);
        Assert.Equal(EnrollmentStatus.Confirmed, moved.Status);
        Assert.NotEqual(moving.Id, moved.Id);
        var left = await StatusesAsync(staff, full.Id);
        Assert.Equal(EnrollmentStatus.Cancelled, left[moving.Id]);
        Assert.Equal(EnrollmentStatus.Confirmed, left[waiting.Id]);
        Assert.Equal(EnrollmentStatus.Confirmed, (await StatusesAsync(staff, other.Id))[moved.Id]);
        Assert.Equal(1, (await staff.GetSessionAsync(other.Id).Expect(HttpStatusCode.OK)).SeatsTaken);
        Assert.Equal(0, (await staff.GetSessionAsync(full.Id).Expect(HttpStatusCode.OK)).WaitlistLength);

        // The usual emails: the moved person's old enrollment ends and the new one is confirmed; the next in line moves up.
        var movedEmail = await EmailOfAsync(managers[0]);
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(movedEmail, StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "EnrollmentCancelled");
        await Eventually.TrueAsync(() => Task.FromResult(app.Smtp.Messages.Count(m => m.To.ToString().Contains(movedEmail, StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "EnrollmentConfirmed") == 2));
        var waitingEmail = await EmailOfAsync(managers[1]);
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(waitingEmail, StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "WaitlistPromoted");
    }

    [Fact]
    public async Task A_move_that_cannot_be_made_changes_nothing()
    {
        using var http = await app.StaffClientAsync();
        var staff = http.Typed();
        var managers = await app.CreateManagersAsync(staff, 1, language: "en");
        var from = await staff.PublishedSessionAsync(capacity: 2);
        var to = await staff.PublishedSessionAsync(capacity: 2, daysAhead: 26);
        var enrollment = await staff.EnrollAsync(from.Id, managers[0]).Expect(HttpStatusCode.Created);
        var already = await staff.EnrollAsync(to.Id, managers[0]).Expect(HttpStatusCode.Created);
        var day = DateTime.UtcNow.Date.AddDays(27).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var draft = await staff.CreateSessionAsync(new SessionRequest($"Draft {Guid.NewGuid():N}", "Training", "Europe/Brussels", 5, Start: $"{day}T10:00", End: $"{day}T12:00"))
            .Expect(HttpStatusCode.Created);

        // Already in the target: 409, and the enrollment it would have ended is still there.
        await staff.MoveEnrollmentAsync(enrollment.Id, to.Id).ExpectProblem(HttpStatusCode.Conflict);
        await staff.MoveEnrollmentAsync(enrollment.Id, draft.Id).ExpectProblem(HttpStatusCode.Conflict);
        await staff.MoveEnrollmentAsync(enrollment.Id, from.Id).ShouldNameInvalidField("sessionId");
        await staff.MoveEnrollmentAsync(enrollment.Id, Guid.NewGuid()).ShouldNameInvalidField("sessionId");
        // A body without the session: no typed call sends that.
        await (await http.PostAsync($"/api/enrollments/{enrollment.Id}/move", System.Net.Http.Json.JsonContent.Create(new { }))).ShouldNameInvalidField("sessionId");
        await staff.MoveEnrollmentAsync(Guid.NewGuid(), to.Id).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Equal(EnrollmentStatus.Confirmed, (await StatusesAsync(staff, from.Id))[enrollment.Id]);
        Assert.Single(await StatusesAsync(staff, to.Id));
        Assert.Equal(1, (await staff.GetSessionAsync(from.Id).Expect(HttpStatusCode.OK)).SeatsTaken);

        // A cancelled enrollment has nobody to move.
        await staff.CancelEnrollmentAsync(already.Id).Expect(HttpStatusCode.OK);
        await staff.MoveEnrollmentAsync(already.Id, from.Id).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Moves_in_opposite_directions_at_the_same_moment_all_succeed()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 12, language: "en");
        var a = (await staff.PublishedSessionAsync(capacity: 20)).Id;
        var b = (await staff.PublishedSessionAsync(capacity: 20, daysAhead: 22)).Id;
        var moves = new List<(Guid Enrollment, Guid To)>();
        for (var i = 0; i < managers.Count; i++)
        {
            var (from, to) = i % 2 == 0 ? (a, b) : (b, a);
            moves.Add(((await staff.EnrollAsync(from, managers[i]).Expect(HttpStatusCode.Created)).Id, to));
        }

        var answers = await Task.WhenAll(moves.Select(async m =>
        {
            var client = await app.StaffApiAsync();
            var result = await client.MoveEnrollmentAsync(m.Enrollment, m.To);
            return $"{result.Status} {result.Problem?.Message}";
        }));

        Assert.All(answers, answer => Assert.StartsWith("200", answer, StringComparison.Ordinal));
        Assert.Equal(6, (await staff.GetSessionAsync(a).Expect(HttpStatusCode.OK)).SeatsTaken);
        Assert.Equal(6, (await staff.GetSessionAsync(b).Expect(HttpStatusCode.OK)).SeatsTaken);
    }

    private static async Task<Dictionary<Guid, EnrollmentStatus>> StatusesAsync(LearningNetworkApi staff, Guid sessionId) =>
        (await staff.GetParticipantsAsync(sessionId).Expect(HttpStatusCode.OK)).ToDictionary(e => e.Id, e => e.Status);

    private Task<string> EmailOfAsync(Guid managerId) =>
        app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managerId));
}
