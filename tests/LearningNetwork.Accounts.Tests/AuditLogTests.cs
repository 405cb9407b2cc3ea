using System.Net;
using System.Net.Http.Json;
using LearningNetwork.ApiClient;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Testing;
using Npgsql;

namespace LearningNetwork.Accounts.Tests;

/// <summary>What the audit log records, how Admins read it, and that nothing can rewrite it.</summary>
public sealed class AuditLogTests(AuditLogTests.AuditApp app) : IClassFixture<AuditLogTests.AuditApp>
{
    [Fact]
    public async Task Staff_changes_sign_ins_lockouts_resets_role_changes_and_exports_are_recorded_by_account_id_only()
    {
        using var http = await app.StaffClientAsync();
        var admin = http.Typed();
        var adminId = (await admin.GetMeAsync().Expect(HttpStatusCode.OK)).UserId;
        // Sign-in attempts are what is audited: sent as they are.
        using var anonymous = app.CreateClient();

        var stranger = $"nobody-{Guid.NewGuid():N}@nowhere.example";
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = stranger, password = "Wrong-Password-1" })).ShouldBe(HttpStatusCode.Unauthorized);
        var managerEmail = $"locked-{Guid.NewGuid():N}@cluster.example";
        var (managerUserId, _) = await app.CreateClusterManagerAsync(managerEmail);
        for (var i = 0; i < 3; i++)
        {
            await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = managerEmail, password = "Wrong-Password-1" })).ShouldBe(HttpStatusCode.Unauthorized);
        }

        await anonymous.Typed().RequestPasswordResetAsync(managerEmail).Expect(HttpStatusCode.Accepted);
        var clusterId = (await admin.CreateClusterAsync(new ClusterRequest($"Audited {Guid.NewGuid():N}", "SpearheadCluster")).Expect(HttpStatusCode.Created)).Id;
        var colleagueId = await app.CreateAccountAsync($"audit-colleague-{Guid.NewGuid():N}@agency.example", Roles.Staff);
        await admin.SetStaffRolesAsync(colleagueId, ["Admin"]).Expect(HttpStatusCode.OK);
        await (await http.GetAsync("/api/reports/participation.csv")).ShouldBe(HttpStatusCode.OK);

        // A reset request is looked up, and audited, after it is answered (from the outbox).
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM accounts.audit_log WHERE action = 'PasswordResetRequested' AND entity_id = @id", ("id", managerUserId)) == 1);
        var entries = (await admin.GetAuditLogAsync(new AuditQuery(PageSize: 200)).Expect(HttpStatusCode.OK)).Items;
        AuditEntryView Entry(string action, Func<AuditEntryView, bool>? where = null) => entries.First(e => e.Action == action && (where is null || where(e)));

        Assert.Contains("keyed hash", Entry("SignInFailed", e => e.EntityId is null).Summary, StringComparison.Ordinal);
        Assert.Equal(3, entries.Count(e => e.Action == "SignInFailed" && e.EntityId == managerUserId));
        Assert.Equal(managerUserId, Entry("PasswordResetRequested").EntityId);
        var signIn = Entry("SignInSucceeded", e => e.ActorId == adminId);
        Assert.Equal(LearningNetworkApp.StaffEmail, signIn.ActorEmail);
        var created = Entry("CreateCluster");
        Assert.Equal(adminId, created.ActorId);
        Assert.Equal(clusterId, created.EntityId);
        Assert.Contains("201", created.Summary, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(created.ClientAddress));
        Assert.Equal(colleagueId, Entry("AdminGranted").EntityId);
        Assert.Contains("participation.csv", Entry("Export").Summary, StringComparison.Ordinal);
        // People by id: no address, known or not, is written into the log; read whole, whatever its fields.
        Assert.DoesNotContain(stranger, await http.GetStringAsync("/api/audit?pageSize=200"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM accounts.audit_log WHERE summary ILIKE '%' || @a || '%' OR summary ILIKE '%' || @b || '%'",
            ("a", stranger), ("b", managerEmail)));

        var onlyTheCluster = await admin.GetAuditLogAsync(new AuditQuery(EntityId: clusterId)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, onlyTheCluster.Total);
        var byAction = await admin.GetAuditLogAsync(new AuditQuery("AdminGranted", adminId)).Expect(HttpStatusCode.OK);
        Assert.NotEmpty(byAction.Items);
        Assert.All(byAction.Items, e => Assert.Equal("AdminGranted", e.Action));
        var future = await admin.GetAuditLogAsync(new AuditQuery(From: DateTimeOffset.UtcNow.AddDays(1))).Expect(HttpStatusCode.OK);
        Assert.Equal(0, future.Total);
        var paged = await admin.GetAuditLogAsync(new AuditQuery(Page: 2, PageSize: 2)).Expect(HttpStatusCode.OK);
        Assert.Equal(2, paged.Items.Count);
    }

    [Fact]
    public async Task Repeated_failures_throttle_the_address_and_it_is_recorded_as_a_lockout()
    {
        using var anonymous = app.CreateClient();
        var email = $"lockout-{Guid.NewGuid():N}@cluster.example";
        var (userId, _) = await app.CreateClusterManagerAsync(email);
        for (var i = 0; i < 6; i++)
        {
            await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = "Wrong-Password-1" });
        }

        Assert.True(await app.Database.ScalarAsync<long>("SELECT count(*) FROM accounts.audit_log WHERE action = 'AccountLockedOut' AND entity_id = @id", ("id", userId)) >= 1);
    }

    [Fact]
    public async Task Nothing_can_change_delete_or_truncate_an_entry_not_even_the_applications_own_database_connection()
    {
        using var admin = await app.StaffClientAsync(); // a sign-in, so the log is not empty
        var before = await app.Database.ScalarAsync<long>("SELECT count(*) FROM accounts.audit_log");
        Assert.True(before > 0);

        foreach (var sql in new[]
                 {
                     "UPDATE accounts.audit_log SET summary = 'rewritten'",
                     "DELETE FROM accounts.audit_log",
                     "TRUNCATE accounts.audit_log",
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => app.Database.ExecuteAsync(sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        Assert.True(await app.Database.ScalarAsync<long>("SELECT count(*) FROM accounts.audit_log") >= before);
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM accounts.audit_log WHERE summary = 'rewritten'"));
    }

    public sealed class AuditApp : LearningNetworkApp;
}
