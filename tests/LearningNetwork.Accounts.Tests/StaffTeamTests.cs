using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Testing;

namespace LearningNetwork.Accounts.Tests;

/// <summary>The agency's staff accounts: listed, and a colleague who left shut out. On a host of its own (it deactivates staff).</summary>
public sealed class StaffTeamTests(StaffTeamApp app) : IClassFixture<StaffTeamApp>
{
    [Fact]
    public async Task Staff_see_their_colleagues_and_a_deactivated_one_is_shut_out_within_seconds()
    {
        using var staff = await app.StaffClientAsync();
        var invited = $"invited-{Guid.NewGuid():N}@agency.example";
        await (await staff.PostAsJsonAsync("/api/staff", new { email = invited, fullName = "Ilse Invited" })).ShouldBe(HttpStatusCode.Created);
        var leaverEmail = $"leaver-{Guid.NewGuid():N}@agency.example";
        var leaverId = await app.CreateAccountAsync(leaverEmail, Roles.Staff);
        using var leaver = await app.SignedInClientAsync(leaverEmail, TestAccounts.Password);
        await (await leaver.GetAsync("/api/me")).ShouldBe(HttpStatusCode.OK);

        var team = await staff.GetFromJsonAsync<JsonElement>("/api/staff");
        var invitedEntry = team.EnumerateArray().Single(m => m.GetProperty("email").GetString() == invited);
        Assert.True(invitedEntry.GetProperty("isActive").GetBoolean());
        Assert.False(invitedEntry.GetProperty("activated").GetBoolean());
        Assert.True(team.EnumerateArray().Single(m => m.GetProperty("userId").GetString() == leaverId.ToString()).GetProperty("activated").GetBoolean());

        var deactivated = await (await staff.PostAsync($"/api/staff/{leaverId}/deactivate", null)).Json(HttpStatusCode.OK);
        Assert.False(deactivated.GetProperty("isActive").GetBoolean());
        await Eventually.TrueAsync(async () => (await leaver.GetAsync("/api/me")).StatusCode == HttpStatusCode.Unauthorized);
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = leaverEmail, password = TestAccounts.Password })).ShouldBe(HttpStatusCode.Unauthorized);
        // Again: harmless.
        await (await staff.PostAsync($"/api/staff/{leaverId}/deactivate", null)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Nobody_deactivates_themselves_and_only_staff_accounts_are_found()
    {
        using var staff = await app.StaffClientAsync();
        var me = await staff.GetFromJsonAsync<JsonElement>("/api/me");
        await (await staff.PostAsync($"/api/staff/{me.GetProperty("userId").GetString()}/deactivate", null)).ShouldBe(HttpStatusCode.Conflict);

        var (managerUserId, _) = await app.CreateClusterManagerAsync();
        await (await staff.PostAsync($"/api/staff/{managerUserId}/deactivate", null)).ShouldBe(HttpStatusCode.NotFound);
        await (await staff.PostAsync($"/api/staff/{Guid.NewGuid()}/deactivate", null)).ShouldBe(HttpStatusCode.NotFound);
        await (await staff.GetAsync("/api/me")).ShouldBe(HttpStatusCode.OK);
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
        using var first = await app.StaffClientAsync();
        using var other = await app.SignedInClientAsync(otherEmail, TestAccounts.Password);
        var firstId = (await first.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("userId").GetString();

        var answers = await Task.WhenAll(
            first.PostAsync($"/api/staff/{otherId}/deactivate", null),
            other.PostAsync($"/api/staff/{firstId}/deactivate", null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var active = await app.Database.ScalarAsync<long>("""
            SELECT count(*) FROM accounts.users u JOIN accounts.user_roles ur ON ur.user_id = u.id JOIN accounts.roles r ON r.id = ur.role_id
            WHERE r.name = 'Staff' AND u.is_active
            """);
        Assert.Equal(1, active);
    }

    public sealed class TwoStaffApp : LearningNetworkApp;
}
