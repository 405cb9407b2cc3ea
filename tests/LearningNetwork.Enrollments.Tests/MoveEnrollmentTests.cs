using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Enrollments.Tests;

/// <summary>Staff move a participant to another session: all or nothing, the waitlist moves up, the usual emails go out.</summary>
public sealed class MoveEnrollmentTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_moved_participant_gets_a_seat_in_the_new_session_and_their_old_seat_goes_to_the_waitlist()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 2, language: "en");
        var full = await staff.PublishedSessionAsync(capacity: 1);
        var other = await staff.PublishedSessionAsync(capacity: 3, daysAhead: 25);
        var moving = await (await staff.EnrollAsync(full.Id(), managers[0])).Json(HttpStatusCode.Created);
        var waiting = await (await staff.EnrollAsync(full.Id(), managers[1])).Json(HttpStatusCode.Created);
        Assert.Equal("Waitlisted", waiting.GetProperty("status").GetString());

        var moved = await (await staff.PostAsJsonAsync($"/api/enrollments/{moving.Id()}/move", new { sessionId = other.Id() })).Json(HttpStatusCode.OK);

        Assert.Equal(other.Id(), moved.GetProperty("sessionId").GetString());
        Assert.Equal("Confirmed", moved.GetProperty("status").GetString());
        Assert.NotEqual(moving.Id(), moved.Id());
        var left = await StatusesAsync(staff, full.Id());
        Assert.Equal("Cancelled", left[moving.Id()]);
        Assert.Equal("Confirmed", left[waiting.Id()]);
        Assert.Equal("Confirmed", (await StatusesAsync(staff, other.Id()))[moved.Id()]);
        Assert.Equal(1, (await staff.SessionAsync(other.Id())).GetProperty("seatsTaken").GetInt32());
        Assert.Equal(0, (await staff.SessionAsync(full.Id())).GetProperty("waitlistLength").GetInt32());

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
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 1, language: "en");
        var from = await staff.PublishedSessionAsync(capacity: 2);
        var to = await staff.PublishedSessionAsync(capacity: 2, daysAhead: 26);
        var enrollment = await (await staff.EnrollAsync(from.Id(), managers[0])).Json(HttpStatusCode.Created);
        var already = await (await staff.EnrollAsync(to.Id(), managers[0])).Json(HttpStatusCode.Created);
        var day = DateTime.UtcNow.Date.AddDays(27).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var draft = await (await staff.PostAsJsonAsync("/api/sessions", new
        {
            title = $"Draft {Guid.NewGuid():N}", kind = "Training", start = $"{day}T10:00", end = $"{day}T12:00", timeZone = "Europe/Brussels", capacity = 5,
        })).Json(HttpStatusCode.Created);

        // Already in the target: 409, and the enrollment it would have ended is still there.
        await (await staff.PostAsJsonAsync($"/api/enrollments/{enrollment.Id()}/move", new { sessionId = to.Id() })).ShouldBe(HttpStatusCode.Conflict);
        await (await staff.PostAsJsonAsync($"/api/enrollments/{enrollment.Id()}/move", new { sessionId = draft.Id() })).ShouldBe(HttpStatusCode.Conflict);
        await (await staff.PostAsJsonAsync($"/api/enrollments/{enrollment.Id()}/move", new { sessionId = from.Id() })).ShouldNameInvalidField("sessionId");
        await (await staff.PostAsJsonAsync($"/api/enrollments/{enrollment.Id()}/move", new { sessionId = Guid.NewGuid() })).ShouldNameInvalidField("sessionId");
        await (await staff.PostAsJsonAsync($"/api/enrollments/{enrollment.Id()}/move", new { })).ShouldNameInvalidField("sessionId");
        await (await staff.PostAsJsonAsync($"/api/enrollments/{Guid.NewGuid()}/move", new { sessionId = to.Id() })).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal("Confirmed", (await StatusesAsync(staff, from.Id()))[enrollment.Id()]);
        Assert.Single(await StatusesAsync(staff, to.Id()));
        Assert.Equal(1, (await staff.SessionAsync(from.Id())).GetProperty("seatsTaken").GetInt32());

        // A cancelled enrollment has nobody to move.
        await (await staff.PostAsync($"/api/enrollments/{already.Id()}/cancel", null)).ShouldBe(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync($"/api/enrollments/{already.Id()}/move", new { sessionId = from.Id() })).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Moves_in_opposite_directions_at_the_same_moment_all_succeed()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 12, language: "en");
        var a = (await staff.PublishedSessionAsync(capacity: 20)).Id();
        var b = (await staff.PublishedSessionAsync(capacity: 20, daysAhead: 22)).Id();
        var moves = new List<(string Enrollment, string To)>();
        for (var i = 0; i < managers.Count; i++)
        {
            var (from, to) = i % 2 == 0 ? (a, b) : (b, a);
            moves.Add(((await (await staff.EnrollAsync(from, managers[i])).Json(HttpStatusCode.Created)).Id(), to));
        }

        var answers = await Task.WhenAll(moves.Select(async m =>
        {
            using var client = await app.StaffClientAsync();
            var response = await client.PostAsJsonAsync($"/api/enrollments/{m.Enrollment}/move", new { sessionId = m.To });
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }));

        Assert.All(answers, answer => Assert.StartsWith("200", answer, StringComparison.Ordinal));
        Assert.Equal(6, (await staff.SessionAsync(a)).GetProperty("seatsTaken").GetInt32());
        Assert.Equal(6, (await staff.SessionAsync(b)).GetProperty("seatsTaken").GetInt32());
    }

    private static async Task<Dictionary<string, string>> StatusesAsync(HttpClient staff, string sessionId) =>
        (await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/enrollments"))
            .EnumerateArray().ToDictionary(e => e.Id(), e => e.GetProperty("status").GetString()!);

    private Task<string> EmailOfAsync(Guid managerId) =>
        app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managerId));
}
