using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
        using var admin = await app.StaffClientAsync();
        var adminId = (await admin.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("userId").GetGuid();
        using var anonymous = app.CreateClient();

        var stranger = $"nobody-{Guid.NewGuid():N}@nowhere.example";
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = stranger, password = "Wrong-Password-1" })).ShouldBe(HttpStatusCode.Unauthorized);
        var managerEmail = $"locked-{Guid.NewGuid():N}@cluster.example";
        var (managerUserId, _) = await app.CreateClusterManagerAsync(managerEmail);
        for (var i = 0; i < 3; i++)
        {
            await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = managerEmail, password = "Wrong-Password-1" })).ShouldBe(HttpStatusCode.Unauthorized);
        }

        await (await anonymous.PostAsJsonAsync("/api/auth/forgot-password", new { email = managerEmail })).ShouldBe(HttpStatusCode.Accepted);
        var cluster = await (await admin.PostAsJsonAsync("/api/clusters", new { name = $"Audited {Guid.NewGuid():N}", type = "SpearheadCluster" })).Json(HttpStatusCode.Created);
        var clusterId = cluster.GetProperty("id").GetGuid();
        var colleagueId = await app.CreateAccountAsync($"audit-colleague-{Guid.NewGuid():N}@agency.example", Roles.Staff);
        await (await admin.PutAsJsonAsync($"/api/staff/{colleagueId}/roles", new { roles = new[] { "Admin" } })).ShouldBe(HttpStatusCode.OK);
        await (await admin.GetAsync("/api/reports/participation.csv")).ShouldBe(HttpStatusCode.OK);

        // A reset request is looked up, and audited, after it is answered (from the outbox).
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM accounts.audit_log WHERE action = 'PasswordResetRequested' AND entity_id = @id", ("id", managerUserId)) == 1);
        var log = await (await admin.GetAsync("/api/audit?pageSize=200")).Json(HttpStatusCode.OK);
        var entries = log.GetProperty("items").EnumerateArray().ToList();
        JsonElement Entry(string action, Func<JsonElement, bool>? where = null) =>
            entries.First(e => e.GetProperty("action").GetString() == action && (where is null || where(e)));

        Assert.Contains("keyed hash", Entry("SignInFailed", e => e.GetProperty("entityId").ValueKind == JsonValueKind.Null).GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, entries.Count(e => e.GetProperty("action").GetString() == "SignInFailed" && e.GetProperty("entityId").GetString() == managerUserId.ToString()));
        Assert.Equal(managerUserId.ToString(), Entry("PasswordResetRequested").GetProperty("entityId").GetString());
        var signIn = Entry("SignInSucceeded", e => e.GetProperty("actorId").GetString() == adminId.ToString());
        Assert.Equal(LearningNetworkApp.StaffEmail, signIn.GetProperty("actorEmail").GetString());
        var created = Entry("CreateCluster");
        Assert.Equal(adminId.ToString(), created.GetProperty("actorId").GetString());
        Assert.Equal(clusterId.ToString(), created.GetProperty("entityId").GetString());
        Assert.Contains("201", created.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(created.GetProperty("clientAddress").GetString()));
        Assert.Equal(colleagueId.ToString(), Entry("AdminGranted").GetProperty("entityId").GetString());
        Assert.Contains("participation.csv", Entry("Export").GetProperty("summary").GetString(), StringComparison.Ordinal);
        // People by id: no address, known or not, is written into the log.
        Assert.DoesNotContain(stranger, log.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM accounts.audit_log WHERE summary ILIKE '%' || @a || '%' OR summary ILIKE '%' || @b || '%'",
            ("a", stranger), ("b", managerEmail)));

        var onlyTheCluster = await (await admin.GetAsync($"/api/audit?entityId={clusterId}")).Json(HttpStatusCode.OK);
        Assert.Equal(1, onlyTheCluster.GetProperty("total").GetInt32());
        var byAction = await (await admin.GetAsync($"/api/audit?action=AdminGranted&actorId={adminId}")).Json(HttpStatusCode.OK);
        Assert.All(byAction.GetProperty("items").EnumerateArray(), e => Assert.Equal("AdminGranted", e.GetProperty("action").GetString()));
        var future = await (await admin.GetAsync($"/api/audit?from={DateTimeOffset.UtcNow.AddDays(1):O}".Replace("+", "%2B", StringComparison.Ordinal))).Json(HttpStatusCode.OK);
        Assert.Equal(0, future.GetProperty("total").GetInt32());
        var paged = await (await admin.GetAsync("/api/audit?pageSize=2&page=2")).Json(HttpStatusCode.OK);
        Assert.Equal(2, paged.GetProperty("items").GetArrayLength());
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
        using var admin = await app.StaffClientAsync();
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
