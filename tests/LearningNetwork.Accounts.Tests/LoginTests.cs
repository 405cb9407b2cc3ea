using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Accounts.Tests;

public sealed class LoginTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task The_bootstrap_staff_member_signs_in_and_gets_a_bearer_token()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = LearningNetworkApp.StaffEmail, password = LearningNetworkApp.StaffPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", token.GetProperty("tokenType").GetString());
        Assert.False(string.IsNullOrEmpty(token.GetProperty("accessToken").GetString()));
        Assert.True(token.GetProperty("expiresIn").GetInt64() > 0);
    }

    [Fact]
    public async Task A_person_changes_their_own_password_with_the_current_one_and_signs_in_with_the_new_one()
    {
        var email = $"changer-{Guid.NewGuid():N}@test.local";
        await app.CreateClusterManagerAsync(email);
        var client = await app.SignedInApiAsync(email, TestAccounts.Password);

        // A wrong current password, a new one that is too short, the same one again: each refused
        // next to its field, and the password still works.
        await client.ChangePasswordAsync("not-it-at-all", "Another-Password-456").ShouldNameInvalidField("currentPassword");
        await client.ChangePasswordAsync(TestAccounts.Password, "short").ShouldNameInvalidField("newPassword");
        await client.ChangePasswordAsync(TestAccounts.Password, TestAccounts.Password).ShouldNameInvalidField("newPassword");

        await client.ChangePasswordAsync(TestAccounts.Password, "Another-Password-456").Expect(HttpStatusCode.NoContent);

        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = TestAccounts.Password })).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = "Another-Password-456" })).ShouldBe(HttpStatusCode.OK);
        await anonymous.Typed().ChangePasswordAsync("Another-Password-456", "Third-Password-789").ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_tells_the_bootstrap_Admin_who_they_are()
    {
        var staff = await app.StaffApiAsync();

        var me = await staff.GetMeAsync().Expect(HttpStatusCode.OK);

        Assert.Equal(LearningNetworkApp.StaffEmail, me.Email);
        Assert.Equal(["Admin", "Staff"], me.Roles);
        Assert.Null(me.ClusterManagerId);
        Assert.NotEqual(Guid.Empty, me.UserId);
    }

    [Fact]
    public async Task Me_tells_a_cluster_manager_their_directory_entry_and_language()
    {
        var email = $"manager-{Guid.NewGuid():N}@test.local";
        var (_, managerId) = await app.CreateClusterManagerAsync(email, language: "fr");
        var manager = await app.SignedInApiAsync(email, TestAccounts.Password);

        var me = await manager.GetMeAsync().Expect(HttpStatusCode.OK);

        Assert.Equal(["ClusterManager"], me.Roles);
        Assert.Equal(managerId, me.ClusterManagerId);
        Assert.Equal("fr", me.PreferredLanguage);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        using var client = app.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/auth/login", new { email = LearningNetworkApp.StaffEmail, password = "not-the-password" });
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@test.local", password = "whatever-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(
            (await wrongPassword.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_stop_that_address_for_that_account_but_never_the_person_elsewhere()
    {
        var email = $"targeted-{Guid.NewGuid():N}@test.local";
        await app.CreateClusterManagerAsync(email);
        using var attacker = ClientFrom("203.0.113.50");
        using var owner = ClientFrom("198.51.100.20");

        for (var i = 0; i < 5; i++)
        {
            await (await attacker.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-password-" + i })).ShouldBe(HttpStatusCode.Unauthorized);
        }

        // The guesser's address may not try this account again for a while, even with the right password...
        await (await attacker.PostAsJsonAsync("/api/auth/login", new { email, password = TestAccounts.Password })).ShouldBe(HttpStatusCode.Unauthorized);
        // ...however long it keeps trying, the person signs in from their own address.
        for (var i = 0; i < 10; i++)
        {
            await attacker.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-again-" + i });
        }

        await (await owner.PostAsJsonAsync("/api/auth/login", new { email, password = TestAccounts.Password })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_in_takes_as_long_for_an_address_without_an_account_as_for_a_wrong_password()
    {
        var known = $"timed-{Guid.NewGuid():N}@test.local";
        await app.CreateClusterManagerAsync(known);
        var unknown = $"nobody-{Guid.NewGuid():N}@test.local";
        var (wrongPassword, noAccount) = (new List<double>(), new List<double>());
        for (var i = 0; i < 24; i++)
        {
            // A new client address each time, so the throttle never steps in.
            using var client = ClientFrom($"10.9.{i / 200}.{i % 200 + 1}");
            var (list, email) = i % 2 == 0 ? (wrongPassword, known) : (noAccount, unknown);
            var started = Stopwatch.GetTimestamp();
            await (await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Wrong-Password-1" })).ShouldBe(HttpStatusCode.Unauthorized);
            if (i >= 4)
            {
                list.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var (a, b) = (Median(wrongPassword), Median(noAccount));
        Assert.True(b / a is > 0.6 and < 1.67, $"median {a:0.0} ms for a wrong password, {b:0.0} ms for an address without an account");
    }

    [Fact]
    public async Task Forgot_password_takes_as_long_for_an_address_without_an_account_as_for_one_with()
    {
        var known = $"forgetful-{Guid.NewGuid():N}@test.local";
        await app.CreateClusterManagerAsync(known);
        var (withAccount, without) = (new List<double>(), new List<double>());
        for (var i = 0; i < 44; i++)
        {
            using var client = ClientFrom($"10.8.{i / 200}.{i % 200 + 1}");
            var (list, email) = i % 2 == 0 ? (withAccount, known) : (without, $"nobody-{Guid.NewGuid():N}@test.local");
            var started = Stopwatch.GetTimestamp();
            await (await client.PostAsJsonAsync("/api/auth/forgot-password", new { email })).ShouldBe(HttpStatusCode.Accepted);
            if (i >= 4)
            {
                list.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var (a, b) = (Median(withAccount), Median(without));
        Assert.True(b / a is > 0.67 and < 1.5, $"median {a:0.00} ms with an account, {b:0.00} ms without");
        // The link still goes out, from the outbox, to the address with an account.
        await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(x => x.Address == known) && m.Headers["X-LearningNetwork-Kind"] == "PasswordReset");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>A client whose requests arrive from the given address.</summary>
    private HttpClient ClientFrom(string address) =>
        new(app.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(address))) { BaseAddress = new Uri("https://localhost") };

    [Fact]
    public async Task A_login_without_fields_names_them()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Anonymous_and_forged_tokens_get_401_on_me()
    {
        using var anonymous = app.CreateClient();
        using var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8forged-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task The_cookie_sign_in_works_on_the_api_too()
    {
        using var client = app.BrowserClient();

        var login = await client.PostAsJsonAsync("/api/auth/cookie-login", new { email = LearningNetworkApp.StaffEmail, password = LearningNetworkApp.StaffPassword });
        var me = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task The_data_protection_keys_are_kept_in_the_database_for_every_host()
    {
        using var staff = await app.StaffClientAsync();

        Assert.True(await app.Database.ScalarAsync<long>("SELECT count(*) FROM accounts.data_protection_keys") >= 1);
    }

    [Fact]
    public async Task The_bootstrap_staff_account_is_created_once()
    {
        Assert.Equal(1, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM accounts.users u JOIN accounts.user_roles ur ON ur.user_id = u.id JOIN accounts.roles r ON r.id = ur.role_id WHERE r.name = 'Staff'"));
    }
}
