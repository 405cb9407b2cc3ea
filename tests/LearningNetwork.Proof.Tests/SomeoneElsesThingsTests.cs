using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.Enrollments.Contracts;
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
        var staff = await app.StaffApiAsync();
        var (managerA, a) = await app.SignedInDirectoryManagerAsync(staff);
        var (_, b) = await app.SignedInDirectoryManagerAsync(staff);
        var session = await staff.PublishedSessionAsync(capacity: 5);
        var enrollment = await a.EnrollAsync(session.Id).Expect(HttpStatusCode.Created);

        // B cannot cancel A's enrollment, nor learn that it exists.
        var cancel = await b.CancelEnrollmentAsync(enrollment.Id);
        Assert.Contains(cancel.Status, new[] { 404, 403 });
        Assert.Equal(EnrollmentStatus.Confirmed, (await MyEnrollmentsAsync(a)).Single().Status);

        // B's own list and feed are B's alone. A feed is read without signing in, by its secret address.
        Assert.Empty(await MyEnrollmentsAsync(b));
        var feedA = (await a.GetCalendarFeedAsync().Expect(HttpStatusCode.OK)).Url;
        var feedB = (await b.GetCalendarFeedAsync().Expect(HttpStatusCode.OK)).Url;
        Assert.NotEqual(feedA, feedB);
        using var calendarApp = app.CreateClient();
        var bCalendar = await calendarApp.GetStringAsync(new Uri(feedB).PathAndQuery);
        Assert.DoesNotContain(session.Title, bCalendar, StringComparison.Ordinal);

        // A guessed feed address or feedback token leads nowhere.
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync($"/calendar/{Guid.NewGuid():N}.ics")).StatusCode);
        var feedback = await b.SendFeedbackAsync("a-guessed-token-0123456789", 1, null);
        Assert.True(feedback.Status is >= 400 and < 500, $"feedback with a guessed token: {feedback.Status}");

        // B cannot read staff views of A (participants, A's directory entry).
        await b.GetParticipantsAsync(session.Id).ExpectProblem(HttpStatusCode.Forbidden);
        await b.GetManagerAsync(managerA).ExpectProblem(HttpStatusCode.Forbidden);

        // Staff can cancel anyone's.
        await staff.CancelEnrollmentAsync(enrollment.Id).Expect(HttpStatusCode.OK);
        Assert.Empty(await MyEnrollmentsAsync(a));
    }

    private static async Task<IReadOnlyList<MyEnrollment>> MyEnrollmentsAsync(LearningNetworkApi manager) =>
        (await manager.GetMyEnrollmentsAsync().Expect(HttpStatusCode.OK)).Items;
}
