using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using LearningNetwork.ApiClient;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Testing;
using Xunit.Abstractions;

namespace LearningNetwork.LearningNetworks.Tests;

/// <summary>Membership-driven enrollment under load and with two hosts working at once.</summary>
public sealed class ConcurrencyTests(LearningNetworkApp app, ITestOutputHelper output) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task Two_hosts_publishing_and_adding_members_at_once_give_each_member_one_enrollment_per_meeting()
    {
        var staff = await app.StaffApiAsync();
        await using var second = app.AnotherHost();
        using var otherStaffClient = await SignedInAsync(second);
        var otherStaff = otherStaffClient.Typed();
        var managers = await app.CreateManagersAsync(staff, 40);
        var network = await staff.NewNetworkAsync("MembersOnly");
        await staff.AddMembersAsync(network.Id, managers.Take(20).ToList());
        var meetings = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            meetings.Add(await staff.DraftMeetingAsync(network.Id, capacity: 30, daysAhead: 10 + (7 * i)));
        }

        // One host publishes the meetings while the other adds the rest, in small batches, at the same time.
        var publishing = Task.WhenAll(meetings.Select(m => staff.PublishSessionAsync(m).Expect(HttpStatusCode.OK)));
        var adding = Task.Run(async () =>
        {
            foreach (var batch in managers.Skip(20).Chunk(5))
            {
                await otherStaff.AddMembersAsync(network.Id, batch);
            }
        });
        await Task.WhenAll(publishing, adding);

        await Eventually.TrueAsync(async () => await LiveEnrollmentsAsync(meetings) == 160, TimeSpan.FromSeconds(60), "every member enrolled in every meeting");
        await Task.Delay(1500);
        Assert.Equal(160, await LiveEnrollmentsAsync(meetings));
        Assert.Equal(0L, await app.Database.ScalarAsync<long>($"""
            SELECT count(*) FROM (SELECT session_id, cluster_manager_id FROM enrollments.enrollments
            WHERE status <> 'Cancelled' AND session_id IN ({string.Join(",", meetings.Select(m => $"'{m}'"))})
            GROUP BY session_id, cluster_manager_id HAVING count(*) > 1) d
            """));
        foreach (var meeting in meetings)
        {
            var participants = await staff.ParticipantsAsync(meeting);
            Assert.Equal(30, participants.Count(p => p.Status == EnrollmentStatus.Confirmed));
            Assert.Equal(10, participants.Count(p => p.Status == EnrollmentStatus.Waitlisted));
            Assert.Equal(managers.ToHashSet(), participants.Select(p => p.ClusterManagerId).ToHashSet());
        }
    }

    [Fact]
    public async Task Adding_300_members_to_a_network_with_6_published_meetings_makes_1800_enrollments_and_300_welcomes()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 300);
        var network = await staff.NewNetworkAsync("MembersOnly");
        var meetings = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            meetings.Add(await staff.PublishedMeetingAsync(network.Id, capacity: 400, daysAhead: 10 + (30 * i)));
        }

        var clock = Stopwatch.StartNew();
        var added = await staff.AddMembersAsync(network.Id, managers);
        var answered = clock.Elapsed;
        Assert.Equal(new MembersAddedView(300, 0), added);
        await Eventually.TrueAsync(async () => await LiveEnrollmentsAsync(meetings) == 1800, TimeSpan.FromSeconds(60), "1,800 enrollments");
        var enrolled = clock.Elapsed;
        await Eventually.TrueAsync(async () => await WelcomesAsync(network.Id) == 300, TimeSpan.FromSeconds(60), "300 welcome emails queued");
        var welcomed = clock.Elapsed;
        output.WriteLine($"300 members × 6 meetings: request answered in {answered.TotalMilliseconds:0} ms, 1,800 enrollments in {enrolled.TotalMilliseconds:0} ms, 300 welcomes queued in {welcomed.TotalMilliseconds:0} ms");

        await Task.Delay(1000);
        Assert.Equal(1800, await LiveEnrollmentsAsync(meetings));
        Assert.Equal(300, await WelcomesAsync(network.Id));
    }

    private async Task<int> LiveEnrollmentsAsync(IReadOnlyList<Guid> meetings) =>
        (int)await app.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM enrollments.enrollments WHERE status <> 'Cancelled' AND session_id IN ({string.Join(",", meetings.Select(m => $"'{m}'"))})");

    private async Task<int> WelcomesAsync(Guid networkId) =>
        (int)await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM notifications.emails WHERE kind = 'LearningNetworkWelcome' AND values->>'networkId' = @id", ("id", networkId.ToString()));

    private static async Task<HttpClient> SignedInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = LearningNetworkApp.StaffEmail, password = LearningNetworkApp.StaffPassword });
        await login.ShouldBe(HttpStatusCode.OK);
        var token = await login.Content.ReadFromJsonAsync<LearningNetworkApp.TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        return client;
    }
}
