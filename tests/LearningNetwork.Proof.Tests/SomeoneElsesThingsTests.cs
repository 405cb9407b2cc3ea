using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Proof.Tests;

/// <summary>
/// The access matrix's second dimension: a manager (B) reaching for another manager's (A)
/// enrollment, feedback and calendar feed. The per-role matrix over every endpoint is in the
/// Accounts tests (AccessMatrixTests).
/// </summary>
public sealed class SomeoneElsesThingsTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_manager_cannot_cancel_see_or_subscribe_to_another_managers_enrollment()
    {
        var staff = await app.StaffClientAsync();
        var (managerA, a) = await app.SignedInDirectoryManagerAsync(staff);
        var (_, b) = await app.SignedInDirectoryManagerAsync(staff);
        var session = await staff.PublishedSessionAsync(capacity: 5);
        var enrollment = await (await a.EnrollAsync(session.Id())).Json(HttpStatusCode.Created);

        // B cannot cancel A's enrollment, nor learn that it exists.
        var cancel = await b.PostAsync($"/api/enrollments/{enrollment.Id()}/cancel", null);
        Assert.Contains(cancel.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Equal("Confirmed", (await MyEnrollmentsAsync(a)).Single().GetProperty("status").GetString());

        // B's own list and feed are B's alone.
        Assert.Empty(await MyEnrollmentsAsync(b));
        var feedA = (await (await a.GetAsync("/api/me/calendar-feed")).Json(HttpStatusCode.OK)).GetProperty("url").GetString()!;
        var feedB = (await (await b.GetAsync("/api/me/calendar-feed")).Json(HttpStatusCode.OK)).GetProperty("url").GetString()!;
        Assert.NotEqual(feedA, feedB);
        var bCalendar = await b.GetStringAsync(new Uri(feedB).PathAndQuery);
        Assert.DoesNotContain(session.GetProperty("title").GetString()!, bCalendar, StringComparison.Ordinal);

        // A guessed feed address or feedback token leads nowhere.
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/calendar/{Guid.NewGuid():N}.ics")).StatusCode);
        var feedback = await b.PostAsJsonAsync("/api/feedback", new { token = "a-guessed-token-0123456789", rating = 1 });
        Assert.True((int)feedback.StatusCode is >= 400 and < 500, $"feedback with a guessed token: {(int)feedback.StatusCode}");

        // B cannot read staff views of A (participants, A's directory entry).
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/sessions/{session.Id()}/enrollments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/cluster-managers/{managerA}")).StatusCode);

        // Staff can cancel anyone's.
        await (await staff.PostAsync($"/api/enrollments/{enrollment.Id()}/cancel", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Empty(await MyEnrollmentsAsync(a));
    }

    private static async Task<IReadOnlyList<JsonElement>> MyEnrollmentsAsync(HttpClient manager) =>
        [.. (await (await manager.GetAsync("/api/me/enrollments")).Json(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];
}
