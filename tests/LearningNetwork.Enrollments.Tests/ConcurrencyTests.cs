using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Enrollments.Tests;

/// <summary>The promise of docs/decisions/0004-seat-statement-for-capacity-under-concurrency.md: never over-book, whatever the concurrency and however many hosts.</summary>
public sealed class ConcurrencyTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task Two_hundred_simultaneous_enrollments_on_two_hosts_fill_fifty_seats_and_queue_the_rest_in_order()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 200);
        var session = await staff.PublishedSessionAsync(capacity: 50);
        await using var secondHost = app.AnotherHost();
        using var staffOnSecondHost = secondHost.CreateClient();
        staffOnSecondHost.DefaultRequestHeaders.Authorization = staff.DefaultRequestHeaders.Authorization;

        using var start = new SemaphoreSlim(0);
        var requests = managers.Select((id, i) => Task.Run(async () =>
        {
            await start.WaitAsync();
            var client = i % 2 == 0 ? staff : staffOnSecondHost;
            return await client.EnrollAsync(session.Id(), id);
        })).ToList();
        start.Release(requests.Count);
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var list = (await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{session.Id()}/enrollments")).EnumerateArray().ToList();
        Assert.Equal(50, list.Count(e => e.GetProperty("status").GetString() == "Confirmed"));
        var waitlisted = list.Where(e => e.GetProperty("status").GetString() == "Waitlisted").OrderBy(e => e.GetProperty("enrolledAt").GetDateTime()).ToList();
        Assert.Equal(150, waitlisted.Count);
        Assert.Equal(Enumerable.Range(1, 150), waitlisted.Select(e => e.GetProperty("waitlistPosition").GetInt32()));
        var answered = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(Enumerable.Range(1, 150), answered.Where(e => e.GetProperty("status").GetString() == "Waitlisted")
            .Select(e => e.GetProperty("waitlistPosition").GetInt32()).Order());
        var seats = await staff.SessionAsync(session.Id());
        Assert.Equal((50, 0, 150), (seats.GetProperty("seatsTaken").GetInt32(), seats.GetProperty("seatsLeft").GetInt32(), seats.GetProperty("waitlistLength").GetInt32()));

        // Ten confirmed people cancel, at once, on both hosts: exactly the first ten in line move up.
        var cancellations = list.Where(e => e.GetProperty("status").GetString() == "Confirmed").Take(10)
            .Select((e, i) => (i % 2 == 0 ? staff : staffOnSecondHost).PostAsync($"/api/enrollments/{e.Id()}/cancel", null)).ToList();
        Assert.All(await Task.WhenAll(cancellations), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var after = (await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{session.Id()}/enrollments")).EnumerateArray().ToDictionary(e => e.Id());
        Assert.All(waitlisted.Take(10), e => Assert.Equal("Confirmed", after[e.Id()].GetProperty("status").GetString()));
        Assert.All(waitlisted.Skip(10), e => Assert.Equal("Waitlisted", after[e.Id()].GetProperty("status").GetString()));
        Assert.Equal(Enumerable.Range(1, 140), waitlisted.Skip(10).Select(e => after[e.Id()].GetProperty("waitlistPosition").GetInt32()));
        Assert.Equal(50, after.Values.Count(e => e.GetProperty("status").GetString() == "Confirmed"));
    }
}
