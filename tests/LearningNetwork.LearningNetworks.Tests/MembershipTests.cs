using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Testing;

namespace LearningNetwork.LearningNetworks.Tests;

/// <summary>Who belongs to a learning network, and who may enroll in its meetings.</summary>
public sealed class MembershipTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_manager_joins_and_leaves_an_open_network()
    {
        var staff = await app.StaffApiAsync();
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var network = await staff.NewNetworkAsync("Open");

        var joined = await manager.JoinNetworkAsync(network.Id).Expect(HttpStatusCode.OK);
        Assert.True(joined.IsMember);
        Assert.Equal(1, joined.MemberCount);
        var again = await manager.JoinNetworkAsync(network.Id).Expect(HttpStatusCode.OK);
        Assert.Equal(1, again.MemberCount);
        var mine = await manager.GetNetworksAsync().Expect(HttpStatusCode.OK);
        Assert.True(mine.Items.Single(n => n.Id == network.Id).IsMember);

        var left = await manager.LeaveNetworkAsync(network.Id).Expect(HttpStatusCode.OK);
        Assert.False(left.IsMember);
        Assert.Equal(0, left.MemberCount);
    }

    [Fact]
    public async Task A_members_only_network_is_hidden_from_and_closed_to_a_non_member()
    {
        var staff = await app.StaffApiAsync();
        var (outsiderId, outsider) = await app.SignedInDirectoryManagerAsync(staff);
        var (memberId, member) = await app.SignedInDirectoryManagerAsync(staff);
        var network = await staff.NewNetworkAsync("MembersOnly");
        await staff.AddMembersAsync(network.Id, [memberId]);
        var meeting = await staff.PublishedMeetingAsync(network.Id, capacity: 10);

        await outsider.GetNetworkAsync(network.Id).ExpectProblem(HttpStatusCode.NotFound);
        var listed = await outsider.GetNetworksAsync().Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(listed.Items, n => n.Id == network.Id);
        await outsider.JoinNetworkAsync(network.Id).ExpectProblem(HttpStatusCode.Forbidden);
        await outsider.EnrollAsync(meeting).ExpectProblem(HttpStatusCode.Forbidden);
        await staff.EnrollAsync(meeting, outsiderId).ExpectProblem(HttpStatusCode.Conflict);

        Assert.True((await member.NetworkAsync(network.Id)).IsMember);
        await Eventually.TrueAsync(async () => (await staff.ParticipantsAsync(meeting)).Any(p => p.ClusterManagerId == memberId && p.Status == EnrollmentStatus.Confirmed));
    }

    [Fact]
    public async Task A_manager_sees_no_member_list_or_attendance_of_any_network()
    {
        using var staffClient = await app.StaffClientAsync();
        var staff = staffClient.Typed();
        var (managerId, managerClient) = await app.SignedInDirectoryManagerAsync(staffClient);
        var manager = managerClient.Typed();
        var network = await staff.NewNetworkAsync("Open");
        await staff.AddMembersAsync(network.Id, [managerId]);

        await manager.GetNetworkMembersAsync(network.Id, null, 50).ExpectProblem(HttpStatusCode.Forbidden);
        await manager.GetNetworkAttendanceAsync(network.Id).ExpectProblem(HttpStatusCode.Forbidden);
        await (await managerClient.GetAsync($"/api/learning-networks/{network.Id}/attendance.csv")).ShouldBe(HttpStatusCode.Forbidden);
        await manager.AddNetworkMembersAsync(network.Id, [managerId]).ExpectProblem(HttpStatusCode.Forbidden);
        await manager.RemoveNetworkMemberAsync(network.Id, managerId).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_add_members_in_bulk_and_the_list_keeps_the_order_they_joined()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 4);
        var network = await staff.NewNetworkAsync("MembersOnly");

        Assert.Equal(new MembersAddedView(3, 0), await staff.AddMembersAsync(network.Id, [managers[2], managers[0], managers[1]]));
        Assert.Equal(new MembersAddedView(1, 2), await staff.AddMembersAsync(network.Id, [managers[0], managers[3], managers[3], managers[1]]));

        var members = await staff.GetNetworkMembersAsync(network.Id, null, 50).Expect(HttpStatusCode.OK);
        Assert.Equal([managers[2], managers[0], managers[1], managers[3]], members.Items.Select(m => m.ClusterManagerId));
        var found = await staff.GetNetworkMembersAsync(network.Id, "Manager 003", 50).Expect(HttpStatusCode.OK);
        Assert.Equal(managers[3], Assert.Single(found.Items).ClusterManagerId);
    }

    [Fact]
    public async Task Unknown_or_deactivated_managers_are_refused_naming_the_field()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 2);
        await staff.DeactivateManagerAsync(managers[1]).Expect(HttpStatusCode.OK);
        var network = await staff.NewNetworkAsync("MembersOnly");

        await staff.AddNetworkMembersAsync(network.Id, [managers[0], Guid.NewGuid()]).ShouldNameInvalidField("clusterManagerIds");
        await staff.AddNetworkMembersAsync(network.Id, [managers[1]]).ShouldNameInvalidField("clusterManagerIds");
        await staff.AddNetworkMembersAsync(network.Id, []).ShouldNameInvalidField("clusterManagerIds");
        Assert.Equal(0, (await staff.NetworkAsync(network.Id)).MemberCount);
    }

    [Fact]
    public async Task A_deactivated_manager_leaves_every_network()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 1);
        var first = await staff.NewNetworkAsync("Open");
        var second = await staff.NewNetworkAsync("MembersOnly");
        await staff.AddMembersAsync(first.Id, managers);
        await staff.AddMembersAsync(second.Id, managers);

        await staff.DeactivateManagerAsync(managers[0]).Expect(HttpStatusCode.OK);

        await Eventually.TrueAsync(async () => (await staff.NetworkAsync(first.Id)).MemberCount == 0 && (await staff.NetworkAsync(second.Id)).MemberCount == 0);
    }

    [Fact]
    public async Task A_session_cannot_name_a_network_that_does_not_exist()
    {
        var staff = await app.StaffApiAsync();
        var start = DateTime.UtcNow.Date.AddDays(10).AddHours(9);
        await staff.CreateSessionAsync(new SessionRequest(
            "Bijeenkomst", "LearningNetworkMeeting", "Europe/Brussels", 10, Start: TestSessions.Local(start), End: TestSessions.Local(start.AddHours(1)),
            Location: "Gent", LearningNetworkId: Guid.NewGuid())).ShouldNameInvalidField("learningNetworkId");
    }
}
