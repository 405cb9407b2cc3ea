using System.Net;
using System.Net.Http.Json;
using LearningNetwork.ApiClient;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Testing;

namespace LearningNetwork.Sessions.Tests.Http;

/// <summary>Who may do what with sessions: staff everything, managers read published ones, strangers nothing.</summary>
public sealed class SessionAccessTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Theory]
    [InlineData("GET", "/api/sessions")]
    [InlineData("GET", "/api/sessions/0195f1a0-0000-7000-8000-000000000099")]
    [InlineData("GET", "/api/sessions/0195f1a0-0000-7000-8000-000000000099/calendar.ics")]
    [InlineData("POST", "/api/sessions")]
    [InlineData("POST", "/api/series")]
    [InlineData("GET", "/api/reminder-defaults")]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        using var client = app.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_cluster_manager_gets_403_on_every_write()
    {
        var staff = await app.StaffApiAsync();
        var session = await staff.ScheduleAsync();
        var (manager, _) = await SignedInManagerAsync();
        var id = session.Id;

        var writes = new (HttpMethod Method, string Path, object Body)[]
        {
            (HttpMethod.Post, "/api/sessions", SessionRequests.ValidSession()),
            (HttpMethod.Put, $"/api/sessions/{id}", new { title = "x", kind = "Training", timeZone = "Europe/Brussels", capacity = 5 }),
            (HttpMethod.Post, $"/api/sessions/{id}/publish", new { }),
            (HttpMethod.Post, $"/api/sessions/{id}/reschedule", new { start = "2030-01-01T10:00", end = "2030-01-01T12:00" }),
            (HttpMethod.Post, $"/api/sessions/{id}/cancel", new { reason = "x" }),
            (HttpMethod.Post, "/api/series", new { }),
            (HttpMethod.Put, "/api/reminder-defaults", new { }),
            (HttpMethod.Get, "/api/reminder-defaults", new { }),
        };
        foreach (var (method, path, body) in writes)
        {
            var response = await manager.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode}");
        }

        var stored = await staff.GetSessionAsync(id).Expect(HttpStatusCode.OK);
        Assert.Equal(SessionState.Draft, stored.Status);
    }

    [Fact]
    public async Task A_cluster_manager_gets_404_for_a_draft_and_does_not_see_it_listed()
    {
        var staff = await app.StaffApiAsync();
        var draft = await staff.ScheduleAsync();
        var (manager, _) = await SignedInManagerAsync();

        await manager.Typed().GetSessionAsync(draft.Id).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/sessions/{draft.Id}/calendar.ics")).StatusCode);
        var listed = await manager.Typed().GetSessionsAsync(new SessionQuery(PageSize: 200)).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(listed.Items, s => s.Id == draft.Id);
        var askedForDrafts = await manager.Typed().GetSessionsAsync(new SessionQuery(Status: "Draft")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, askedForDrafts.Total);
    }

    [Fact]
    public async Task A_cluster_manager_sees_published_and_cancelled_sessions()
    {
        var staff = await app.StaffApiAsync();
        var published = await staff.PublishedAsync();
        var cancelled = await staff.PublishedAsync();
        await staff.CancelSessionAsync(cancelled.Id, "Spreker ziek").Expect(HttpStatusCode.OK);
        var (manager, _) = await SignedInManagerAsync();

        var seen = await manager.Typed().GetSessionAsync(published.Id).Expect(HttpStatusCode.OK);
        var seenCancelled = await manager.Typed().GetSessionAsync(cancelled.Id).Expect(HttpStatusCode.OK);

        Assert.Equal(SessionState.Published, seen.Status);
        Assert.Equal(SessionState.Cancelled, seenCancelled.Status);
        Assert.Equal("Spreker ziek", seenCancelled.CancellationReason);
    }

    [Fact]
    public async Task Staff_see_drafts()
    {
        var staff = await app.StaffApiAsync();
        var draft = await staff.ScheduleAsync();

        var seen = await staff.GetSessionAsync(draft.Id).Expect(HttpStatusCode.OK);

        Assert.Equal(SessionState.Draft, seen.Status);
    }

    [Fact]
    public async Task An_unknown_session_is_a_404_problem()
    {
        using var staff = await app.StaffClientAsync();

        var response = await staff.GetAsync($"/api/sessions/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(HttpClient Client, Guid ClusterManagerId)> SignedInManagerAsync()
    {
        var email = $"manager-{Guid.NewGuid():N}@test.local";
        var (_, managerId) = await app.CreateClusterManagerAsync(email);
        return (await app.SignedInClientAsync(email, TestAccounts.Password), managerId);
    }
}
