using System.Net;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Testing;
using Npgsql;

namespace LearningNetwork.Accounts.Tests;

/// <summary>Admins manage the staff accounts and their roles; plain staff do not; the agency always keeps an Admin.</summary>
public sealed class AdminRoleTests(AdminRoleTests.AdminApp app) : IClassFixture<AdminRoleTests.AdminApp>
{
    [Fact]
    public async Task The_bootstrap_account_is_an_Admin_who_makes_a_colleague_Admin_and_back_and_the_colleagues_token_follows()
    {
        var admin = await app.StaffApiAsync();
        var me = await admin.GetMeAsync().Expect(HttpStatusCode.OK);
        Assert.Equal(["Admin", "Staff"], me.Roles);

        var colleagueEmail = $"colleague-{Guid.NewGuid():N}@agency.example";
        var colleagueId = await app.CreateAccountAsync(colleagueEmail, Roles.Staff);
        var colleague = await app.SignedInApiAsync(colleagueEmail, TestAccounts.Password);
        await colleague.InviteStaffAsync($"x-{Guid.NewGuid():N}@agency.example", "Not Allowed").ExpectProblem(HttpStatusCode.Forbidden);

        var promoted = await admin.SetStaffRolesAsync(colleagueId, ["Admin"]).Expect(HttpStatusCode.OK);
        Assert.Equal(["Admin", "Staff"], promoted.Roles);
        // The token was issued when the colleague was plain staff; the rights follow the account, not the token.
        await colleague.InviteStaffAsync($"y-{Guid.NewGuid():N}@agency.example", "Now Allowed").Expect(HttpStatusCode.Created);
        var team = await admin.GetStaffAsync().Expect(HttpStatusCode.OK);
        Assert.True(team.Single(m => m.UserId == colleagueId).IsAdmin);

        var demoted = await admin.SetStaffRolesAsync(colleagueId, ["Staff"]).Expect(HttpStatusCode.OK);
        Assert.Equal(["Staff"], demoted.Roles);
        await colleague.SetStaffRolesAsync(colleagueId, ["Admin"]).ExpectProblem(HttpStatusCode.Forbidden);
        await colleague.GetStaffAsync().Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Roles_are_Admin_or_Staff_and_only_staff_accounts_have_them()
    {
        var admin = await app.StaffApiAsync();
        var colleagueId = await app.CreateAccountAsync($"roles-{Guid.NewGuid():N}@agency.example", Roles.Staff);
        await admin.SetStaffRolesAsync(colleagueId, ["Boss"]).ShouldNameInvalidField("roles");
        await admin.SetStaffRolesAsync(colleagueId, []).ShouldNameInvalidField("roles");
        var (managerUserId, _) = await app.CreateClusterManagerAsync();
        await admin.SetStaffRolesAsync(managerUserId, ["Admin"]).ExpectProblem(HttpStatusCode.NotFound);
    }

    public sealed class AdminApp : LearningNetworkApp;
}

/// <summary>On a host whose only Admin is the bootstrap account, and on one with exactly two.</summary>
public sealed class LastAdminTests(LastAdminTests.OneAdminApp app) : IClassFixture<LastAdminTests.OneAdminApp>
{
    [Fact]
    public async Task The_only_Admin_cannot_give_up_the_role_nor_can_anyone_take_it_in_the_database()
    {
        var admin = await app.StaffApiAsync();
        var myId = (await admin.GetMeAsync().Expect(HttpStatusCode.OK)).UserId;

        await admin.SetStaffRolesAsync(myId, ["Staff"]).ExpectProblem(HttpStatusCode.Conflict);

        // Whatever writes to the database, not only this application, is held to the rule.
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            app.Database.ExecuteAsync("DELETE FROM accounts.user_roles WHERE role_id = (SELECT id FROM accounts.roles WHERE name = 'Admin')"));
        Assert.Equal("LN409", refused.SqlState);
        var refusedDeactivation = await Assert.ThrowsAsync<PostgresException>(() =>
            app.Database.ExecuteAsync("UPDATE accounts.users SET is_active = false WHERE id IN (SELECT user_id FROM accounts.user_roles WHERE role_id = (SELECT id FROM accounts.roles WHERE name = 'Admin'))"));
        Assert.Equal("LN409", refusedDeactivation.SqlState);
        Assert.Contains("Admin", (await admin.GetMeAsync().Expect(HttpStatusCode.OK)).Roles);
    }

    public sealed class OneAdminApp : LearningNetworkApp;
}

public sealed class TwoAdminsTests(TwoAdminsTests.TwoAdminsApp app) : IClassFixture<TwoAdminsTests.TwoAdminsApp>
{
    [Fact]
    public async Task Two_Admins_demoting_each_other_at_the_same_moment_leave_exactly_one_Admin_every_time()
    {
        var otherEmail = $"other-admin-{Guid.NewGuid():N}@agency.example";
        var otherId = await app.CreateAdminAsync(otherEmail);
        var first = await app.StaffApiAsync();
        var other = await app.SignedInApiAsync(otherEmail, TestAccounts.Password);
        var firstId = (await first.GetMeAsync().Expect(HttpStatusCode.OK)).UserId;

        for (var round = 0; round < 5; round++)
        {
            var answers = await Task.WhenAll(first.SetStaffRolesAsync(otherId, ["Staff"]), other.SetStaffRolesAsync(firstId, ["Staff"]));

            Assert.Single(answers, a => a.Status == (int)HttpStatusCode.OK);
            Assert.Single(answers, a => a.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.Forbidden);
            var admins = await app.Database.ScalarAsync<long>("""
                SELECT count(*) FROM accounts.users u JOIN accounts.user_roles ur ON ur.user_id = u.id JOIN accounts.roles r ON r.id = ur.role_id
                WHERE r.name = 'Admin' AND u.is_active
                """);
            Assert.Equal(1, admins);

            // The one still Admin makes the other Admin again for the next round.
            var (keeper, demotedId) = answers[0].Status == (int)HttpStatusCode.OK ? (first, otherId) : (other, firstId);
            await keeper.SetStaffRolesAsync(demotedId, ["Admin"]).Expect(HttpStatusCode.OK);
        }
    }

    public sealed class TwoAdminsApp : LearningNetworkApp;
}
