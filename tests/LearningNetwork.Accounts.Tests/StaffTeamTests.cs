using System.Net;
using System.Net.Http.Json;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Testing;

namespace LearningNetwork.Accounts.Tests;

/// <summary>The agency's staff accounts: listed, and a colleague who left shut out. On a host of its own (it deactivates staff).</summary>
public sealed class StaffTeamTests(StaffTeamApp app) : IClassFixture<StaffTeamApp>
{
    [Fact]
    public async Task Staff_see_their_colleagues_and_a_deactivated_one_is_shut_out_within_seconds()
    {
        var staff = await app.StaffApiAsync();
        var invited = $"invited-{Guid.NewGuid():N}@agency.example";
        await staff.InviteStaffAsync(invited, "Ilse Invited").Expect(HttpStatusCode.Created);
        var leaverEmail = $"leaver-{Guid.NewGuid():N}@agency.example";
        var leaverId = await app.CreateAccountAsync(leaverEmail, Roles.Staff);
        var leaver = await app.SignedInApiAsync(leaverEmail, TestAccounts.Password);
        await leaver.GetMeAsync().Expect(HttpStatusCode.OK);

        var team = await staff.GetStaffAsync().Expect(HttpStatusCode.OK);
        var invitedEntry = team.Single(m => m.Email == invited);
        Assert.True(invitedEntry.IsActive);
        Assert.False(invitedEntry.Activated);
        Assert.True(team.Single(m => m.UserId == leaverId).Activated);

        var deactivated = await staff.DeactivateStaffAsync(leaverId).Expect(HttpStatusCode.OK);
        Assert.False(deactivated.IsActive);
        await Eventually.TrueAsync(async () => (await leaver.GetMeAsync()).Status == (int)HttpStatusCode.Unauthorized);
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = leaverEmail, password = TestAccounts.Password })).ShouldBe(HttpStatusCode.Unauthorized);
        // Again: harmless.
        await staff.DeactivateStaffAsync(leaverId).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Nobody_deactivates_themselves_and_only_staff_accounts_are_found()
    {
        var staff = await app.StaffApiAsync();
        var me = await staff.GetMeAsync().Expect(HttpStatusCode.OK);
        await staff.DeactivateStaffAsync(me.UserId).ExpectProblem(HttpStatusCode.Conflict);

        var (managerUserId, _) = await app.CreateClusterManagerAsync();
        await staff.DeactivateStaffAsync(managerUserId).ExpectProblem(HttpStatusCode.NotFound);
        await staff.DeactivateStaffAsync(Guid.NewGuid()).ExpectProblem(HttpStatusCode.NotFound);
        await staff.GetMeAsync().Expect(HttpStatusCode.OK);
    }
}

public sealed class StaffTeamApp : LearningNetworkApp;

/// <summary>On a host with exactly two staff accounts: the last one is kept, however the requests interleave.</summary>
public sealed class LastStaffAccountTests(LastStaffAccountTests.TwoStaffApp app) : IClassFixture<LastStaffAccountTests.TwoStaffApp>
{
    [Fact]
    public async Task Two_staff_deactivating_each_other_at_the_same_moment_leave_exactly_one_of_them_active()
    {
        var otherEmail = $"other-{Guid.NewGuid():N}@agency.example";
        var otherId = await app.CreateAdminAsync(otherEmail);
        var first = await app.StaffApiAsync();
        var other = await app.SignedInApiAsync(otherEmail, TestAccounts.Password);
        var firstId = (await first.GetMeAsync().Expect(HttpStatusCode.OK)).UserId;

        var answers = await Task.WhenAll(first.DeactivateStaffAsync(otherId), other.DeactivateStaffAsync(firstId));

        Assert.Equal([(int)HttpStatusCode.OK, (int)HttpStatusCode.Conflict], answers.Select(a => a.Status).Order());
        var active = await app.Database.ScalarAsync<long>("""
            SELECT count(*) FROM accounts.users u JOIN accounts.user_roles ur ON ur.user_id = u.id JOIN accounts.roles r ON r.id = ur.role_id
            WHERE r.name = 'Staff' AND u.is_active
            """);
        Assert.Equal(1, active);
    }

    public sealed class TwoStaffApp : LearningNetworkApp;
}
