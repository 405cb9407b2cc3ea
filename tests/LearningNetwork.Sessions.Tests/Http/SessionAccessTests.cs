using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
        using var staff = await app.StaffClientAsync();
        var session = await staff.ScheduleAsync();
        var (manager, _) = await SignedInManagerAsync();
        var id = session.Id();

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

        var stored = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");
        Assert.Equal("Draft", stored.Str("status"));
    }

    [Fact]
    public async Task A_cluster_manager_gets_404_for_a_draft_and_does_not_see_it_listed()
    {
        using var staff = await app.StaffClientAsync();
        var draft = await staff.ScheduleAsync();
        var (manager, _) = await SignedInManagerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/sessions/{draft.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/sessions/{draft.Id()}/calendar.ics")).StatusCode);
        var listed = await manager.GetFromJsonAsync<JsonElement>("/api/sessions?pageSize=200");
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), s => s.Id() == draft.Id());
        var askedForDrafts = await manager.GetFromJsonAsync<JsonElement>("/api/sessions?status=Draft");
        Assert.Equal(0, askedForDrafts.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_cluster_manager_sees_published_and_cancelled_sessions()
    {
        using var staff = await app.StaffClientAsync();
        var published = await staff.PublishedAsync();
        var cancelled = await staff.PublishedAsync();
        (await staff.PostAsJsonAsync($"/api/sessions/{cancelled.Id()}/cancel", new { reason = "Spreker ziek" })).EnsureSuccessStatusCode();
        var (manager, _) = await SignedInManagerAsync();

        var seen = await manager.GetFromJsonAsync<JsonElement>($"/api/sessions/{published.Id()}");
        var seenCancelled = await manager.GetFromJsonAsync<JsonElement>($"/api/sessions/{cancelled.Id()}");

        Assert.Equal("Published", seen.Str("status"));
        Assert.Equal("Cancelled", seenCancelled.Str("status"));
        Assert.Equal("Spreker ziek", seenCancelled.Str("cancellationReason"));
    }

    [Fact]
    public async Task Staff_see_drafts()
    {
        using var staff = await app.StaffClientAsync();
        var draft = await staff.ScheduleAsync();

        var seen = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{draft.Id()}");

        Assert.Equal("Draft", seen.Str("status"));
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
