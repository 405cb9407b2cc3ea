using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
        using var admin = await app.StaffClientAsync();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(["Admin", "Staff"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());

        var colleagueEmail = $"colleague-{Guid.NewGuid():N}@agency.example";
        var colleagueId = await app.CreateAccountAsync(colleagueEmail, Roles.Staff);
        using var colleague = await app.SignedInClientAsync(colleagueEmail, TestAccounts.Password);
        await (await colleague.PostAsJsonAsync("/api/staff", new { email = $"x-{Guid.NewGuid():N}@agency.example", fullName = "Not Allowed" })).ShouldBe(HttpStatusCode.Forbidden);

        var promoted = await (await admin.PutAsJsonAsync($"/api/staff/{colleagueId}/roles", new { roles = new[] { "Admin" } })).Json(HttpStatusCode.OK);
        Assert.Equal(["Admin", "Staff"], promoted.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        // The token was issued when the colleague was plain staff; the rights follow the account, not the token.
        await (await colleague.PostAsJsonAsync("/api/staff", new { email = $"y-{Guid.NewGuid():N}@agency.example", fullName = "Now Allowed" })).ShouldBe(HttpStatusCode.Created);
        var team = await admin.GetFromJsonAsync<JsonElement>("/api/staff");
        Assert.Contains("Admin", team.EnumerateArray().Single(m => m.GetProperty("userId").GetGuid() == colleagueId).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var demoted = await (await admin.PutAsJsonAsync($"/api/staff/{colleagueId}/roles", new { roles = new[] { "Staff" } })).Json(HttpStatusCode.OK);
        Assert.Equal(["Staff"], demoted.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        await (await colleague.PutAsJsonAsync($"/api/staff/{colleagueId}/roles", new { roles = new[] { "Admin" } })).ShouldBe(HttpStatusCode.Forbidden);
        await (await colleague.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Roles_are_Admin_or_Staff_and_only_staff_accounts_have_them()
    {
        using var admin = await app.StaffClientAsync();
        var colleagueId = await app.CreateAccountAsync($"roles-{Guid.NewGuid():N}@agency.example", Roles.Staff);
        await (await admin.PutAsJsonAsync($"/api/staff/{colleagueId}/roles", new { roles = new[] { "Boss" } })).ShouldNameInvalidField("roles");
        await (await admin.PutAsJsonAsync($"/api/staff/{colleagueId}/roles", new { roles = Array.Empty<string>() })).ShouldNameInvalidField("roles");
        var (managerUserId, _) = await app.CreateClusterManagerAsync();
        await (await admin.PutAsJsonAsync($"/api/staff/{managerUserId}/roles", new { roles = new[] { "Admin" } })).ShouldBe(HttpStatusCode.NotFound);
    }

    public sealed class AdminApp : LearningNetworkApp;
}

/// <summary>On a host whose only Admin is the bootstrap account, and on one with exactly two.</summary>
public sealed class LastAdminTests(LastAdminTests.OneAdminApp app) : IClassFixture<LastAdminTests.OneAdminApp>
{
    [Fact]
    public async Task The_only_Admin_cannot_give_up_the_role_nor_can_anyone_take_it_in_the_database()
    {
        using var admin = await app.StaffClientAsync();
        var myId = (await admin.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("userId").GetGuid();

        await (await admin.PutAsJsonAsync($"/api/staff/{myId}/roles", new { roles = new[] { "Staff" } })).ShouldBe(HttpStatusCode.Conflict);

        // Whatever writes to the database, not only this application, is held to the rule.
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            app.Database.ExecuteAsync("DELETE FROM accounts.user_roles WHERE role_id = (SELECT id FROM accounts.roles WHERE name = 'Admin')"));
        Assert.Equal("LN409", refused.SqlState);
        var refusedDeactivation = await Assert.ThrowsAsync<PostgresException>(() =>
            app.Database.ExecuteAsync("UPDATE accounts.users SET is_active = false WHERE id IN (SELECT user_id FROM accounts.user_roles WHERE role_id = (SELECT id FROM accounts.roles WHERE name = 'Admin'))"));
        Assert.Equal("LN409", refusedDeactivation.SqlState);
        Assert.Contains("Admin", (await admin.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
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
        using var first = await app.StaffClientAsync();
        using var other = await app.SignedInClientAsync(otherEmail, TestAccounts.Password);
        var firstId = (await first.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("userId").GetGuid();

        for (var round = 0; round < 5; round++)
        {
            var answers = await Task.WhenAll(
                first.PutAsJsonAsync($"/api/staff/{otherId}/roles", new { roles = new[] { "Staff" } }),
                other.PutAsJsonAsync($"/api/staff/{firstId}/roles", new { roles = new[] { "Staff" } }));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            Assert.Single(answers, a => a.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden);
            var admins = await app.Database.ScalarAsync<long>("""
                SELECT count(*) FROM accounts.users u JOIN accounts.user_roles ur ON ur.user_id = u.id JOIN accounts.roles r ON r.id = ur.role_id
                WHERE r.name = 'Admin' AND u.is_active
                """);
            Assert.Equal(1, admins);

            // The one still Admin makes the other Admin again for the next round.
            var (keeper, demotedId) = answers[0].StatusCode == HttpStatusCode.OK ? (first, otherId) : (other, firstId);
            await (await keeper.PutAsJsonAsync($"/api/staff/{demotedId}/roles", new { roles = new[] { "Admin" } })).ShouldBe(HttpStatusCode.OK);
        }
    }

    public sealed class TwoAdminsApp : LearningNetworkApp;
}
