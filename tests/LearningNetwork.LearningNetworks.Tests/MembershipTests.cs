using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;
using static LearningNetwork.Testing.TestNetworks;

namespace LearningNetwork.LearningNetworks.Tests;

/// <summary>Who belongs to a learning network, and who may enroll in its meetings.</summary>
public sealed class MembershipTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_manager_joins_and_leaves_an_open_network()
    {
        using var staff = await app.StaffClientAsync();
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var network = await staff.CreateNetworkAsync("Open");

        var joined = await (await manager.PostAsync($"/api/learning-networks/{network.Id}/join", null)).Typed<Network>(HttpStatusCode.OK);
        Assert.True(joined.IsMember);
        Assert.Equal(1, joined.MemberCount);
        var again = await (await manager.PostAsync($"/api/learning-networks/{network.Id}/join", null)).Typed<Network>(HttpStatusCode.OK);
        Assert.Equal(1, again.MemberCount);
        var mine = await (await manager.GetAsync("/api/learning-networks?pageSize=200")).Typed<Page<Network>>(HttpStatusCode.OK);
        Assert.True(mine.Items.Single(n => n.Id == network.Id).IsMember);

        var left = await (await manager.PostAsync($"/api/learning-networks/{network.Id}/leave", null)).Typed<Network>(HttpStatusCode.OK);
        Assert.False(left.IsMember);
        Assert.Equal(0, left.MemberCount);
    }

    [Fact]
    public async Task A_members_only_network_is_hidden_from_and_closed_to_a_non_member()
    {
        using var staff = await app.StaffClientAsync();
        var (outsiderId, outsider) = await app.SignedInDirectoryManagerAsync(staff);
        var (memberId, member) = await app.SignedInDirectoryManagerAsync(staff);
        var network = await staff.CreateNetworkAsync("MembersOnly");
        await staff.AddMembersAsync(network.Id, [memberId]);
        var meeting = await staff.PublishedMeetingAsync(network.Id, capacity: 10);

        await (await outsider.GetAsync($"/api/learning-networks/{network.Id}")).ShouldBe(HttpStatusCode.NotFound);
        var listed = await (await outsider.GetAsync("/api/learning-networks?pageSize=200")).Typed<Page<Network>>(HttpStatusCode.OK);
        Assert.DoesNotContain(listed.Items, n => n.Id == network.Id);
        await (await outsider.PostAsync($"/api/learning-networks/{network.Id}/join", null)).ShouldBe(HttpStatusCode.Forbidden);
        await (await outsider.EnrollAsync(meeting.ToString())).ShouldBe(HttpStatusCode.Forbidden);
        await (await staff.EnrollAsync(meeting.ToString(), outsiderId)).ShouldBe(HttpStatusCode.Conflict);

        Assert.True((await member.NetworkAsync(network.Id)).IsMember);
        await Eventually.TrueAsync(async () => (await staff.ParticipantsAsync(meeting)).Any(p => p.ClusterManagerId == memberId && p.Status == "Confirmed"));
    }

    [Fact]
    public async Task A_manager_sees_no_member_list_or_attendance_of_any_network()
    {
        using var staff = await app.StaffClientAsync();
        var (managerId, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var network = await staff.CreateNetworkAsync("Open");
        await staff.AddMembersAsync(network.Id, [managerId]);

        await (await manager.GetAsync($"/api/learning-networks/{network.Id}/members")).ShouldBe(HttpStatusCode.Forbidden);
        await (await manager.GetAsync($"/api/learning-networks/{network.Id}/attendance")).ShouldBe(HttpStatusCode.Forbidden);
        await (await manager.GetAsync($"/api/learning-networks/{network.Id}/attendance.csv")).ShouldBe(HttpStatusCode.Forbidden);
        await (await manager.PostAsJsonAsync($"/api/learning-networks/{network.Id}/members", new AddMembers([managerId]))).ShouldBe(HttpStatusCode.Forbidden);
        await (await manager.DeleteAsync($"/api/learning-networks/{network.Id}/members/{managerId}")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_add_members_in_bulk_and_the_list_keeps_the_order_they_joined()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 4);
        var network = await staff.CreateNetworkAsync("MembersOnly");

        Assert.Equal(new MembersAdded(3, 0), await staff.AddMembersAsync(network.Id, [managers[2], managers[0], managers[1]]));
        Assert.Equal(new MembersAdded(1, 2), await staff.AddMembersAsync(network.Id, [managers[0], managers[3], managers[3], managers[1]]));

        var members = await (await staff.GetAsync($"/api/learning-networks/{network.Id}/members")).Typed<Page<Member>>(HttpStatusCode.OK);
        Assert.Equal([managers[2], managers[0], managers[1], managers[3]], members.Items.Select(m => m.ClusterManagerId));
        var found = await (await staff.GetAsync($"/api/learning-networks/{network.Id}/members?search=Manager 003")).Typed<Page<Member>>(HttpStatusCode.OK);
        Assert.Equal(managers[3], Assert.Single(found.Items).ClusterManagerId);
    }

    [Fact]
    public async Task Unknown_or_deactivated_managers_are_refused_naming_the_field()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 2);
        await (await staff.PostAsync($"/api/cluster-managers/{managers[1]}/deactivate", null)).ShouldBe(HttpStatusCode.OK);
        var network = await staff.CreateNetworkAsync("MembersOnly");

        await (await staff.PostAsJsonAsync($"/api/learning-networks/{network.Id}/members", new AddMembers([managers[0], Guid.NewGuid()]))).ShouldNameInvalidField("clusterManagerIds");
        await (await staff.PostAsJsonAsync($"/api/learning-networks/{network.Id}/members", new AddMembers([managers[1]]))).ShouldNameInvalidField("clusterManagerIds");
        await (await staff.PostAsJsonAsync($"/api/learning-networks/{network.Id}/members", new AddMembers([]))).ShouldNameInvalidField("clusterManagerIds");
        Assert.Equal(0, (await staff.NetworkAsync(network.Id)).MemberCount);
    }

    [Fact]
    public async Task A_deactivated_manager_leaves_every_network()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 1);
        var first = await staff.CreateNetworkAsync("Open");
        var second = await staff.CreateNetworkAsync("MembersOnly");
        await staff.AddMembersAsync(first.Id, managers);
        await staff.AddMembersAsync(second.Id, managers);

        await (await staff.PostAsync($"/api/cluster-managers/{managers[0]}/deactivate", null)).ShouldBe(HttpStatusCode.OK);

        await Eventually.TrueAsync(async () => (await staff.NetworkAsync(first.Id)).MemberCount == 0 && (await staff.NetworkAsync(second.Id)).MemberCount == 0);
    }

    [Fact]
    public async Task A_session_cannot_name_a_network_that_does_not_exist()
    {
        using var staff = await app.StaffClientAsync();
        var start = DateTime.UtcNow.Date.AddDays(10).AddHours(9);
        var response = await staff.PostAsJsonAsync("/api/sessions", new NewMeeting("Bijeenkomst", "LearningNetworkMeeting", Local(start), Local(start.AddHours(1)), "Europe/Brussels", 10, Guid.NewGuid()));
        await response.ShouldNameInvalidField("learningNetworkId");
    }
}
