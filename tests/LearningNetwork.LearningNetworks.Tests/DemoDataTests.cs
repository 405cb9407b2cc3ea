using System.Net;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.Testing;

namespace LearningNetwork.LearningNetworks.Tests;

/// <summary>The demo data run.sh shows: every capability has something to look at, learning networks and funding calls included.</summary>
public sealed class DemoDataTests(DemoDataTests.DemoApp app) : IClassFixture<DemoDataTests.DemoApp>
{
    public sealed class DemoApp : LearningNetworkApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:DemoData"] = "true" };
    }

    [Fact]
    public async Task The_demo_has_an_open_and_a_members_only_network_whose_members_are_enrolled_and_two_open_funding_calls()
    {
        var staff = await app.StaffApiAsync();

        var networks = await staff.GetNetworksAsync().Expect(HttpStatusCode.OK);
        Assert.Equal(["Intervisie clustermanagers", "Ledenwerving na de financiering"], networks.Items.Select(n => n.Name));
        var peerCoaching = networks.Items.Single(n => n.Membership == NetworkMembership.MembersOnly);
        Assert.Equal(5, peerCoaching.MemberCount);
        Assert.Equal(6, peerCoaching.UpcomingMeetings.Count);
        Assert.Single(networks.Items.Single(n => n.Membership == NetworkMembership.Open).UpcomingMeetings);
        // The monthly series is published: every member gets a place in each meeting.
        await Eventually.TrueAsync(async () => (await staff.ParticipantsAsync(peerCoaching.UpcomingMeetings[0].SessionId)).Count == 5, TimeSpan.FromSeconds(30));

        var calls = await staff.GetFundingCallsAsync().Expect(HttpStatusCode.OK);
        Assert.Equal(["Published", "Published"], calls.Items.Select(c => c.Status));
    }
}
