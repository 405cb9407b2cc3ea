using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.ClusterManagers.Tests;

/// <summary>From a staff member adding a manager to that manager signing in, through real email.</summary>
public sealed class InvitationFlowTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_new_manager_activates_the_account_from_the_invitation_email_and_signs_in()
    {
        using var staff = await app.StaffClientAsync();
        var cluster = await staff.CreateClusterAsync();
        var email = $"sofie-{Guid.NewGuid():N}@energiecluster.example";
        var manager = await staff.CreateManagerAsync(cluster.Id(), email, language: "nl");

        var invitation = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));

        Assert.Equal("Invitation", invitation.Headers["X-LearningNetwork-Kind"]);
        Assert.Equal("auto-generated", invitation.Headers["Auto-Submitted"]);
        Assert.Contains("account", invitation.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Beste Sofie Peeters", invitation.TextBody);
        Assert.Contains("Account activeren", invitation.HtmlBody);
        Assert.False(string.IsNullOrEmpty(invitation.MessageId));
        var token = Api.TokenFrom(invitation);
        Assert.True(token.Length >= 43, "at least 256 bits, base64url");

        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/activate", new { token, password = "Een-Goed-Wachtwoord-1" })).ShouldBe(HttpStatusCode.NoContent);
        using var signedIn = await app.SignedInClientAsync(email, "Een-Goed-Wachtwoord-1");
        var me = await signedIn.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(manager.Id(), me.GetProperty("clusterManagerId").GetString());
        Assert.Equal(["ClusterManager"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("nl", me.GetProperty("preferredLanguage").GetString());
        // The token is nowhere in the clear: not as stored hash, not in the outbox, not in the send log.
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM accounts.account_tokens WHERE token_hash = @t", ("t", token)));
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM accounts.outbox_messages WHERE strpos(payload::text, @t) > 0", ("t", token)));
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM notifications.emails WHERE strpos(protected_values::text || values::text, @t) > 0", ("t", token)));
    }

    [Fact]
    public async Task The_directory_says_whether_a_manager_is_invited_since_a_day_active_or_deactivated()
    {
        using var staff = await app.StaffClientAsync();
        var cluster = await staff.CreateClusterAsync();
        var email = $"status-{Guid.NewGuid():N}@cluster.example";
        var manager = (await staff.CreateManagerAsync(cluster.Id(), email)).Id();
        var invitation = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));

        var invited = await staff.GetFromJsonAsync<JsonElement>($"/api/cluster-managers?clusterId={cluster.Id()}");
        var entry = invited.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Invited", entry.GetProperty("status").GetString());
        var sentAt = await app.Database.ScalarAsync<DateTime>(
            "SELECT max(t.created_at) FROM accounts.account_tokens t JOIN accounts.users u ON u.id = t.user_id WHERE u.cluster_manager_id = @m", ("m", Guid.Parse(manager)));
        Assert.Equal(sentAt, entry.GetProperty("invitedAt").GetDateTime().ToUniversalTime(), TimeSpan.FromMilliseconds(1));

        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/activate", new { token = Api.TokenFrom(invitation), password = "Een-Goed-Wachtwoord-1" })).ShouldBe(HttpStatusCode.NoContent);
        var active = await staff.GetFromJsonAsync<JsonElement>($"/api/cluster-managers/{manager}");
        Assert.Equal("Active", active.GetProperty("status").GetString());
        Assert.False(active.TryGetProperty("invitedAt", out var none) && none.ValueKind != JsonValueKind.Null);
        await (await staff.PostAsync($"/api/cluster-managers/{manager}/resend-invitation", null)).ShouldBe(HttpStatusCode.Conflict);

        var deactivated = await (await staff.PostAsync($"/api/cluster-managers/{manager}/deactivate", null)).Json(HttpStatusCode.OK);
        Assert.Equal("Deactivated", deactivated.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_invitation_link_works_once_and_says_so_when_used_again()
    {
        var (email, token) = await InvitedManagerAsync();
        using var anonymous = app.CreateClient();

        await (await anonymous.PostAsJsonAsync("/api/auth/activate", new { token, password = "First-Password-123" })).ShouldBe(HttpStatusCode.NoContent);
        var again = await anonymous.PostAsJsonAsync("/api/auth/activate", new { token, password = "Second-Password-123" });

        // Clicked twice, most likely: the answer says the account is active, not that the link is broken.
        Assert.StartsWith("This invitation link was already used: your account is active.", await again.ShouldNameInvalidField("token"), StringComparison.Ordinal);
        using var client = await app.SignedInClientAsync(email, "First-Password-123");
    }

    [Fact]
    public async Task An_expired_invitation_link_fails()
    {
        var (_, token) = await InvitedManagerAsync();
        await app.Database.ExecuteAsync("UPDATE accounts.account_tokens SET expires_at = now() - interval '1 minute'");
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/auth/activate", new { token, password = "Some-Password-123" });

        Assert.Contains("expired", await response.ShouldNameInvalidField("token"));
    }

    [Fact]
    public async Task A_weak_password_is_refused_and_the_link_still_works()
    {
        var (_, token) = await InvitedManagerAsync();
        using var anonymous = app.CreateClient();

        await (await anonymous.PostAsJsonAsync("/api/auth/activate", new { token, password = "short" })).ShouldNameInvalidField("password");
        await (await anonymous.PostAsJsonAsync("/api/auth/activate", new { token, password = "Long-Enough-Password" })).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Resending_an_invitation_voids_the_old_link()
    {
        using var staff = await app.StaffClientAsync();
        var cluster = await staff.CreateClusterAsync();
        var email = $"resend-{Guid.NewGuid():N}@cluster.example";
        var manager = await staff.CreateManagerAsync(cluster.Id(), email);
        var first = Api.TokenFrom(await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email)));

        await (await staff.PostAsync($"/api/cluster-managers/{manager.Id()}/resend-invitation", null)).ShouldBe(HttpStatusCode.Accepted);
        var second = Api.TokenFrom(await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && Api.TokenFrom(m) != first));
        using var anonymous = app.CreateClient();

        // A replaced link was never used: it gets the general refusal, not "your account is active".
        Assert.StartsWith("This link is not valid", await (await anonymous.PostAsJsonAsync("/api/auth/activate", new { token = first, password = "Some-Password-123" })).ShouldNameInvalidField("token"), StringComparison.Ordinal);
        await (await anonymous.PostAsJsonAsync("/api/auth/activate", new { token = second, password = "Some-Password-123" })).ShouldBe(HttpStatusCode.NoContent);
        await (await staff.PostAsync($"/api/cluster-managers/{manager.Id()}/resend-invitation", null)).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_new_email_address_voids_the_links_sent_to_the_old_one_and_a_manager_not_yet_active_is_invited_at_the_new_one()
    {
        using var staff = await app.StaffClientAsync();
        var cluster = await staff.CreateClusterAsync();
        var oldEmail = $"old-{Guid.NewGuid():N}@cluster.example";
        var newEmail = $"new-{Guid.NewGuid():N}@cluster.example";
        var manager = await staff.CreateManagerAsync(cluster.Id(), oldEmail);
        var invitation = Api.TokenFrom(await app.Smtp.WaitForAsync(m => IsTo(m, oldEmail) && Kind(m) == "Invitation"));
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/forgot-password", new { email = oldEmail })).ShouldBe(HttpStatusCode.Accepted);
        var reset = Api.TokenFrom(await app.Smtp.WaitForAsync(m => IsTo(m, oldEmail) && Kind(m) == "PasswordReset"));

        await (await staff.PutAsJsonAsync($"/api/cluster-managers/{manager.Id()}", new
        {
            clusterId = cluster.Id(),
            fullName = "Sofie Peeters",
            email = newEmail,
            preferredLanguage = "nl",
        })).ShouldBe(HttpStatusCode.OK);
        var reinvitation = Api.TokenFrom(await app.Smtp.WaitForAsync(m => IsTo(m, newEmail) && Kind(m) == "Invitation"));

        // Whoever reads the old mailbox now can neither activate the account nor set its password.
        await (await anonymous.PostAsJsonAsync("/api/auth/activate", new { token = invitation, password = "Taken-Over-Password-1" })).ShouldNameInvalidField("token");
        await (await anonymous.PostAsJsonAsync("/api/auth/reset-password", new { token = reset, password = "Taken-Over-Password-1" })).ShouldNameInvalidField("token");
        await (await anonymous.PostAsJsonAsync("/api/auth/activate", new { token = reinvitation, password = "Rightful-Password-1" })).ShouldBe(HttpStatusCode.NoContent);
        using var signedIn = await app.SignedInClientAsync(newEmail, "Rightful-Password-1");
        Assert.Equal(manager.Id(), (await signedIn.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("clusterManagerId").GetString());
    }

    [Fact]
    public async Task An_active_manager_given_a_new_email_address_gets_no_invitation_and_the_old_reset_link_is_void()
    {
        var (oldEmail, token) = await InvitedManagerAsync();
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/activate", new { token, password = "Active-Password-1" })).ShouldBe(HttpStatusCode.NoContent);
        using var signedIn = await app.SignedInClientAsync(oldEmail, "Active-Password-1");
        var managerId = (await signedIn.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("clusterManagerId").GetString();
        await (await anonymous.PostAsJsonAsync("/api/auth/forgot-password", new { email = oldEmail })).ShouldBe(HttpStatusCode.Accepted);
        var reset = Api.TokenFrom(await app.Smtp.WaitForAsync(m => IsTo(m, oldEmail) && Kind(m) == "PasswordReset"));
        using var staff = await app.StaffClientAsync();
        var entry = await staff.GetFromJsonAsync<JsonElement>($"/api/cluster-managers/{managerId}");
        var newEmail = $"moved-{Guid.NewGuid():N}@cluster.example";

        await (await staff.PutAsJsonAsync($"/api/cluster-managers/{managerId}", new
        {
            clusterId = entry.GetProperty("clusterId").GetString(),
            fullName = entry.GetProperty("fullName").GetString(),
            email = newEmail,
            preferredLanguage = entry.GetProperty("preferredLanguage").GetString(),
        })).ShouldBe(HttpStatusCode.OK);

        // The account follows once the directory's event is handled.
        await Eventually.TrueAsync(async () => (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = newEmail, password = "Active-Password-1" })).IsSuccessStatusCode);
        await (await anonymous.PostAsJsonAsync("/api/auth/reset-password", new { token = reset, password = "Taken-Over-Password-1" })).ShouldNameInvalidField("token");
        Assert.DoesNotContain(app.Smtp.To(newEmail), m => Kind(m) == "Invitation");
    }

    private static bool IsTo(MimeKit.MimeMessage message, string email) => message.To.Mailboxes.Any(a => a.Address == email);

    private static string Kind(MimeKit.MimeMessage message) => message.Headers["X-LearningNetwork-Kind"] ?? "";

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link_without_revealing_which_addresses_exist()
    {
        var (email, token) = await InvitedManagerAsync();
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/activate", new { token, password = "Old-Password-123" })).ShouldBe(HttpStatusCode.NoContent);

        var known = await anonymous.PostAsJsonAsync("/api/auth/forgot-password", new { email });
        var unknown = await anonymous.PostAsJsonAsync("/api/auth/forgot-password", new { email = "nobody-" + email });
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());

        var reset = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Headers["X-LearningNetwork-Kind"] == "PasswordReset");
        await (await anonymous.PostAsJsonAsync("/api/auth/reset-password", new { token = Api.TokenFrom(reset), password = "New-Password-456" })).ShouldBe(HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = "Old-Password-123" })).StatusCode);
        using var signedIn = await app.SignedInClientAsync(email, "New-Password-456");
        Assert.Empty(app.Smtp.To("nobody-" + email));
        // An invitation token is not a reset token, and the other way round.
        await (await anonymous.PostAsJsonAsync("/api/auth/reset-password", new { token, password = "Another-Password-789" })).ShouldNameInvalidField("token");
    }

    [Fact]
    public async Task A_deactivated_manager_cannot_sign_in_and_their_token_stops_working()
    {
        var (email, token) = await InvitedManagerAsync();
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/activate", new { token, password = "Manager-Password-1" })).ShouldBe(HttpStatusCode.NoContent);
        using var signedIn = await app.SignedInClientAsync(email, "Manager-Password-1");
        using var staff = await app.StaffClientAsync();
        var managerId = (await signedIn.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("clusterManagerId").GetString();

        var deactivated = await (await staff.PostAsync($"/api/cluster-managers/{managerId}/deactivate", null)).Json(HttpStatusCode.OK);

        Assert.False(deactivated.GetProperty("isActive").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = "Manager-Password-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync("/api/me")).StatusCode);
        await (await anonymous.PostAsJsonAsync("/api/auth/forgot-password", new { email })).ShouldBe(HttpStatusCode.Accepted);
        await (await staff.PostAsync($"/api/cluster-managers/{managerId}/deactivate", null)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_staff_member_invites_a_colleague_who_then_has_staff_rights()
    {
        using var staff = await app.StaffClientAsync();
        var email = $"colleague-{Guid.NewGuid():N}@agency.example";

        await (await staff.PostAsJsonAsync("/api/staff", new { email, fullName = "Els Vermeulen" })).ShouldBe(HttpStatusCode.Created);
        var invitation = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/activate", new { token = Api.TokenFrom(invitation), password = "Colleague-Password-1" })).ShouldBe(HttpStatusCode.NoContent);
        using var colleague = await app.SignedInClientAsync(email, "Colleague-Password-1");

        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/api/clusters")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync("/api/staff", new { email, fullName = "Twice" })).StatusCode);
    }

    private async Task<(string Email, string Token)> InvitedManagerAsync()
    {
        using var staff = await app.StaffClientAsync();
        var cluster = await staff.CreateClusterAsync();
        var email = $"manager-{Guid.NewGuid():N}@cluster.example";
        await staff.CreateManagerAsync(cluster.Id(), email);
        var invitation = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));
        return (email, Api.TokenFrom(invitation));
    }
}
