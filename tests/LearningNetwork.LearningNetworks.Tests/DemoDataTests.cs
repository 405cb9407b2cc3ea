using System.Net;
using LearningNetwork.Testing;
using static LearningNetwork.Testing.TestNetworks;

namespace LearningNetwork.LearningNetworks.Tests;

/// <summary>The demo data run.sh shows: every capability has something to look at, learning networks and funding calls included.</summary>
public sealed class DemoDataTests(DemoDataTests.DemoApp app) : IClassFixture<DemoDataTests.DemoApp>
{
    public sealed class DemoApp : LearningNetworkApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:DemoData"] = "true" };
    }

    public sealed record Call(Guid Id, string Title, string Status);

    [Fact]
    public async Task The_demo_has_an_open_and_a_members_only_network_whose_members_are_enrolled_and_two_open_funding_calls()
    {
        using var staff = await app.StaffClientAsync();

        var networks = await (await staff.GetAsync("/api/learning-networks")).Typed<Page<Network>>(HttpStatusCode.OK);
        Assert.Equal(["Intervisie clustermanagers", "Ledenwerving na de financiering"], networks.Items.Select(n => n.Name));
        var peerCoaching = networks.Items.Single(n => n.Membership == "MembersOnly");
        Assert.Equal(5, peerCoaching.MemberCount);
        Assert.Equal(6, peerCoaching.UpcomingMeetings.Count);
        Assert.Single(networks.Items.Single(n => n.Membership == "Open").UpcomingMeetings);
        // The monthly series is published: every member gets a place in each meeting.
        await Eventually.TrueAsync(async () => (await staff.ParticipantsAsync(peerCoaching.UpcomingMeetings[0].SessionId)).Count == 5, TimeSpan.FromSeconds(30));

        var calls = await (await staff.GetAsync("/api/funding-calls")).Typed<Page<Call>>(HttpStatusCode.OK);
        Assert.Equal(["Published", "Published"], calls.Items.Select(c => c.Status));
    }
}
