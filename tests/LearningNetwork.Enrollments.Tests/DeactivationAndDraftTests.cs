using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Enrollments.Tests;

/// <summary>What a deactivated manager leaves behind, and what a draft is to a manager.</summary>
public sealed class DeactivationAndDraftTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_deactivated_managers_calendar_feed_stops_answering()
    {
        using var staff = await app.StaffClientAsync();
        var (managerId, manager) = await app.SignedInDirectoryManagerAsync(staff);
        using (manager)
        {
            var url = (await (await manager.GetAsync("/api/me/calendar-feed")).Json(HttpStatusCode.OK)).GetProperty("url").GetString()!;
            using var calendarApp = app.CreateClient();
            var path = new Uri(url).PathAndQuery;
            await (await calendarApp.GetAsync(path)).ShouldBe(HttpStatusCode.OK);

            await (await staff.PostAsync($"/api/cluster-managers/{managerId}/deactivate", null)).ShouldBe(HttpStatusCode.OK);

            await Eventually.TrueAsync(async () => (await calendarApp.GetAsync(path)).StatusCode == HttpStatusCode.NotFound);
            Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM enrollments.calendar_feeds WHERE cluster_manager_id = @id", ("id", managerId)));
        }
    }

    [Fact]
    public async Task A_draft_session_is_not_found_by_a_manager_who_tries_to_enroll()
    {
        using var staff = await app.StaffClientAsync();
        var start = DateTime.UtcNow.Date.AddDays(30).AddHours(10);
        var draft = await (await staff.PostAsJsonAsync("/api/sessions", new
        {
            title = "Nog niet gepubliceerd",
            kind = "Training",
            start = start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            end = start.AddHours(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            timeZone = "Europe/Brussels",
            capacity = 10,
        })).Json(HttpStatusCode.Created);
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        using (manager)
        {
            await (await manager.EnrollAsync(draft.Id())).ShouldBe(HttpStatusCode.NotFound);
            await (await manager.GetAsync($"/api/sessions/{draft.Id()}")).ShouldBe(HttpStatusCode.NotFound);
        }
    }
}
