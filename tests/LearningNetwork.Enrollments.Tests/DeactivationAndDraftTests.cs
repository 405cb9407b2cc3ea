using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.Testing;

namespace LearningNetwork.Enrollments.Tests;

/// <summary>What a deactivated manager leaves behind, and what a draft is to a manager.</summary>
public sealed class DeactivationAndDraftTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_deactivated_managers_calendar_feed_stops_answering()
    {
        var staff = await app.StaffApiAsync();
        var (managerId, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var url = (await manager.GetCalendarFeedAsync().Expect(HttpStatusCode.OK)).Url;
        using var calendarApp = app.CreateClient();
        var path = new Uri(url).PathAndQuery;
        await (await calendarApp.GetAsync(path)).ShouldBe(HttpStatusCode.OK);

        await staff.DeactivateManagerAsync(managerId).Expect(HttpStatusCode.OK);

        await Eventually.TrueAsync(async () => (await calendarApp.GetAsync(path)).StatusCode == HttpStatusCode.NotFound);
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM enrollments.calendar_feeds WHERE cluster_manager_id = @id", ("id", managerId)));
    }

    [Fact]
    public async Task A_draft_session_is_not_found_by_a_manager_who_tries_to_enroll()
    {
        var staff = await app.StaffApiAsync();
        var start = DateTime.UtcNow.Date.AddDays(30).AddHours(10);
        var draft = await staff.CreateSessionAsync(new SessionRequest(
            "Nog niet gepubliceerd", "Training", "Europe/Brussels", 10, Start: TestSessions.Local(start), End: TestSessions.Local(start.AddHours(2))))
            .Expect(HttpStatusCode.Created);
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);

        await manager.EnrollAsync(draft.Id).ExpectProblem(HttpStatusCode.NotFound);
        await manager.GetSessionAsync(draft.Id).ExpectProblem(HttpStatusCode.NotFound);
    }
}
