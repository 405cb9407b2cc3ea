using System.Net;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Testing;

namespace LearningNetwork.Enrollments.Tests;

/// <summary>The promise of docs/decisions/0004-seat-statement-for-capacity-under-concurrency.md: never over-book, whatever the concurrency and however many hosts.</summary>
public sealed class ConcurrencyTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task Two_hundred_simultaneous_enrollments_on_two_hosts_fill_fifty_seats_and_queue_the_rest_in_order()
    {
        using var http = await app.StaffClientAsync();
        var staff = http.Typed();
        var managers = await app.CreateManagersAsync(staff, 200);
        var session = await staff.PublishedSessionAsync(capacity: 50);
        await using var secondHost = app.AnotherHost();
        using var httpOnSecondHost = secondHost.CreateClient();
        httpOnSecondHost.DefaultRequestHeaders.Authorization = http.DefaultRequestHeaders.Authorization;
        var staffOnSecondHost = httpOnSecondHost.Typed();

        using var start = new SemaphoreSlim(0);
        var requests = managers.Select((id, i) => Task.Run(async () =>
        {
            await start.WaitAsync();
            var client = i % 2 == 0 ? staff : staffOnSecondHost;
            return await client.EnrollAsync(session.Id, id);
        })).ToList();
        start.Release(requests.Count);
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal((int)HttpStatusCode.Created, r.Status));
        var list = await staff.GetParticipantsAsync(session.Id).Expect(HttpStatusCode.OK);
        Assert.Equal(50, list.Count(e => e.Status == EnrollmentStatus.Confirmed));
        var waitlisted = list.Where(e => e.Status == EnrollmentStatus.Waitlisted).OrderBy(e => e.EnrolledAt).ToList();
        Assert.Equal(150, waitlisted.Count);
        Assert.Equal(Enumerable.Range(1, 150), waitlisted.Select(e => e.WaitlistPosition ?? 0));
        Assert.Equal(Enumerable.Range(1, 150), responses.Select(r => r.Value!).Where(e => e.Status == EnrollmentStatus.Waitlisted)
            .Select(e => e.WaitlistPosition ?? 0).Order());
        var seats = await staff.GetSessionAsync(session.Id).Expect(HttpStatusCode.OK);
        Assert.Equal((50, 0, 150), (seats.SeatsTaken, seats.SeatsLeft, seats.WaitlistLength));

        // Ten confirmed people cancel, at once, on both hosts: exactly the first ten in line move up.
        var cancellations = list.Where(e => e.Status == EnrollmentStatus.Confirmed).Take(10)
            .Select((e, i) => (i % 2 == 0 ? staff : staffOnSecondHost).CancelEnrollmentAsync(e.Id)).ToList();
        Assert.All(await Task.WhenAll(cancellations), r => Assert.Equal((int)HttpStatusCode.OK, r.Status));

        var after = (await staff.GetParticipantsAsync(session.Id).Expect(HttpStatusCode.OK)).ToDictionary(e => e.Id);
        Assert.All(waitlisted.Take(10), e => Assert.Equal(EnrollmentStatus.Confirmed, after[e.Id].Status));
        Assert.All(waitlisted.Skip(10), e => Assert.Equal(EnrollmentStatus.Waitlisted, after[e.Id].Status));
        Assert.Equal(Enumerable.Range(1, 140), waitlisted.Skip(10).Select(e => after[e.Id].WaitlistPosition ?? 0));
        Assert.Equal(50, after.Values.Count(e => e.Status == EnrollmentStatus.Confirmed));
    }
}
