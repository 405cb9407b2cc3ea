using System.Net;
using System.Net.Http.Json;
using LearningNetwork.ApiClient;
using LearningNetwork.Testing;

namespace LearningNetwork.ClusterManagers.Tests;

/// <summary>From a staff member adding a manager to that manager signing in, through real email.</summary>
public sealed class InvitationFlowTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_new_manager_activates_the_account_from_the_invitation_email_and_signs_in()
    {
        var staff = await app.StaffApiAsync();
        var cluster = await staff.NewClusterAsync();
        var email = $"sofie-{Guid.NewGuid():N}@energiecluster.example";
        var manager = await staff.NewManagerAsync(cluster.Id, email, language: "nl");

        var invitation = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));

        Assert.Equal("Invitation", invitation.Headers["X-LearningNetwork-Kind"]);
        Assert.Equal("auto-generated", invitation.Headers["Auto-Submitted"]);
        Assert.Contains("account", invitation.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Beste Sofie Peeters", invitation.TextBody);
        Assert.Contains("Account activeren", invitation.HtmlBody);
        Assert.False(string.IsNullOrEmpty(invitation.MessageId));
        var token = Api.TokenFrom(invitation);
        Assert.True(token.Length >= 43, "at least 256 bits, base64url");

        var anonymous = app.CreateClient().Typed();
        await anonymous.ActivateAccountAsync(token, "Een-Goed-Wachtwoord-1").Expect(HttpStatusCode.NoContent);
        var signedIn = await app.SignedInApiAsync(email, "Een-Goed-Wachtwoord-1");
        var me = await signedIn.GetMeAsync().Expect(HttpStatusCode.OK);

        Assert.Equal(manager.Id, me.ClusterManagerId);
        Assert.Equal(["ClusterManager"], me.Roles);
        Assert.Equal("nl", me.PreferredLanguage);
        // The token is nowhere in the clear: not as stored hash, not in the outbox, not in the send log.
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM accounts.account_tokens WHERE token_hash = @t", ("t", token)));
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM accounts.outbox_messages WHERE strpos(payload::text, @t) > 0", ("t", token)));
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM notifications.emails WHERE strpos(protected_values::text || values::text, @t) > 0", ("t", token)));
    }

    [Fact]
    public async Task The_directory_says_whether_a_manager_is_invited_since_a_day_active_or_deactivated()
    {
        var staff = await app.StaffApiAsync();
        var cluster = await staff.NewClusterAsync();
        var email = $"status-{Guid.NewGuid():N}@cluster.example";
        var manager = (await staff.NewManagerAsync(cluster.Id, email)).Id;
        var invitation = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));

        var invited = await staff.GetManagersAsync(new ManagerQuery(ClusterId: cluster.Id)).Expect(HttpStatusCode.OK);
        var entry = Assert.Single(invited.Items);
        Assert.Equal("Invited", entry.Status);
        var sentAt = await app.Database.ScalarAsync<DateTime>(
            "SELECT max(t.created_at) FROM accounts.account_tokens t JOIN accounts.users u ON u.id = t.user_id WHERE u.cluster_manager_id = @m", ("m", manager));
        Assert.NotNull(entry.InvitedAt);
        Assert.Equal(sentAt, entry.InvitedAt.Value.ToUniversalTime(), TimeSpan.FromMilliseconds(1));

        var anonymous = app.CreateClient().Typed();
        await anonymous.ActivateAccountAsync(Api.TokenFrom(invitation), "Een-Goed-Wachtwoord-1").Expect(HttpStatusCode.NoContent);
        var active = await staff.GetManagerAsync(manager).Expect(HttpStatusCode.OK);
        Assert.Equal("Active", active.Status);
        Assert.Null(active.InvitedAt);
        await staff.ResendInvitationAsync(manager).ExpectProblem(HttpStatusCode.Conflict);

        var deactivated = await staff.DeactivateManagerAsync(manager).Expect(HttpStatusCode.OK);
        Assert.Equal("Deactivated", deactivated.Status);
    }

    [Fact]
    public async Task An_invitation_link_works_once_and_says_so_when_used_again()
    {
        var (email, token) = await InvitedManagerAsync();
        var anonymous = app.CreateClient().Typed();

        await anonymous.ActivateAccountAsync(token, "First-Password-123").Expect(HttpStatusCode.NoContent);
        var again = anonymous.ActivateAccountAsync(token, "Second-Password-123");

        // Clicked twice, most likely: the answer says the account is active, not that the link is broken.
        Assert.StartsWith("This invitation link was already used: your account is active.", await again.ShouldNameInvalidField("token"), StringComparison.Ordinal);
        using var client = await app.SignedInClientAsync(email, "First-Password-123");
    }

    [Fact]
    public async Task An_expired_invitation_link_fails()
    {
        var (_, token) = await InvitedManagerAsync();
        await app.Database.ExecuteAsync("UPDATE accounts.account_tokens SET expires_at = now() - interval '1 minute'");
        var anonymous = app.CreateClient().Typed();

        var response = anonymous.ActivateAccountAsync(token, "Some-Password-123");

        Assert.Contains("expired", await response.ShouldNameInvalidField("token"));
    }

    [Fact]
    public async Task A_weak_password_is_refused_and_the_link_still_works()
    {
        var (_, token) = await InvitedManagerAsync();
        var anonymous = app.CreateClient().Typed();

        await anonymous.ActivateAccountAsync(token, "short").ShouldNameInvalidField("password");
        await anonymous.ActivateAccountAsync(token, "Long-Enough-Password").Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Resending_an_invitation_voids_the_old_link()
    {
        var staff = await app.StaffApiAsync();
        var cluster = await staff.NewClusterAsync();
        var email = $"resend-{Guid.NewGuid():N}@cluster.example";
        var manager = await staff.NewManagerAsync(cluster.Id, email);
        var first = Api.TokenFrom(await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email)));

        await staff.ResendInvitationAsync(manager.Id).Expect(HttpStatusCode.Accepted);
        var second = Api.TokenFrom(await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && Api.TokenFrom(m) != first));
        var anonymous = app.CreateClient().Typed();

        // A replaced link was never used: it gets the general refusal, not "your account is active".
        Assert.StartsWith("This link is not valid", await anonymous.ActivateAccountAsync(first, "Some-Password-123").ShouldNameInvalidField("token"), StringComparison.Ordinal);
        await anonymous.ActivateAccountAsync(second, "Some-Password-123").Expect(HttpStatusCode.NoContent);
        await staff.ResendInvitationAsync(manager.Id).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_new_email_address_voids_the_links_sent_to_the_old_one_and_a_manager_not_yet_active_is_invited_at_the_new_one()
    {
        var staff = await app.StaffApiAsync();
        var cluster = await staff.NewClusterAsync();
        var oldEmail = $"old-{Guid.NewGuid():N}@cluster.example";
        var newEmail = $"new-{Guid.NewGuid():N}@cluster.example";
        var manager = await staff.NewManagerAsync(cluster.Id, oldEmail);
        var invitation = Api.TokenFrom(await app.Smtp.WaitForAsync(m => IsTo(m, oldEmail) && Kind(m) == "Invitation"));
        var anonymous = app.CreateClient().Typed();
        await anonymous.RequestPasswordResetAsync(oldEmail).Expect(HttpStatusCode.Accepted);
        var reset = Api.TokenFrom(await app.Smtp.WaitForAsync(m => IsTo(m, oldEmail) && Kind(m) == "PasswordReset"));

        await staff.UpdateManagerAsync(manager.Id, new ManagerRequest(cluster.Id, "Sofie Peeters", newEmail, "nl")).Expect(HttpStatusCode.OK);
        var reinvitation = Api.TokenFrom(await app.Smtp.WaitForAsync(m => IsTo(m, newEmail) && Kind(m) == "Invitation"));

        // Whoever reads the old mailbox now can neither activate the account nor set its password.
        await anonymous.ActivateAccountAsync(invitation, "Taken-Over-Password-1").ShouldNameInvalidField("token");
        await anonymous.ResetPasswordAsync(reset, "Taken-Over-Password-1").ShouldNameInvalidField("token");
        await anonymous.ActivateAccountAsync(reinvitation, "Rightful-Password-1").Expect(HttpStatusCode.NoContent);
        var signedIn = await app.SignedInApiAsync(newEmail, "Rightful-Password-1");
        Assert.Equal(manager.Id, (await signedIn.GetMeAsync().Expect(HttpStatusCode.OK)).ClusterManagerId);
    }

    [Fact]
    public async Task An_active_manager_given_a_new_email_address_gets_no_invitation_and_the_old_reset_link_is_void()
    {
        var (oldEmail, token) = await InvitedManagerAsync();
        var anonymous = app.CreateClient().Typed();
        await anonymous.ActivateAccountAsync(token, "Active-Password-1").Expect(HttpStatusCode.NoContent);
        var signedIn = await app.SignedInApiAsync(oldEmail, "Active-Password-1");
        var managerId = (await signedIn.GetMeAsync().Expect(HttpStatusCode.OK)).ClusterManagerId!.Value;
        await anonymous.RequestPasswordResetAsync(oldEmail).Expect(HttpStatusCode.Accepted);
        var reset = Api.TokenFrom(await app.Smtp.WaitForAsync(m => IsTo(m, oldEmail) && Kind(m) == "PasswordReset"));
        var staff = await app.StaffApiAsync();
        var entry = await staff.GetManagerAsync(managerId).Expect(HttpStatusCode.OK);
        var newEmail = $"moved-{Guid.NewGuid():N}@cluster.example";

        await staff.UpdateManagerAsync(managerId, new ManagerRequest(entry.ClusterId, entry.FullName, newEmail, entry.PreferredLanguage)).Expect(HttpStatusCode.OK);

        // The account follows once the directory's event is handled: the sign-in itself is what is tested.
        using var login = app.CreateClient();
        await Eventually.TrueAsync(async () => (await login.PostAsJsonAsync("/api/auth/login", new { email = newEmail, password = "Active-Password-1" })).IsSuccessStatusCode);
        await anonymous.ResetPasswordAsync(reset, "Taken-Over-Password-1").ShouldNameInvalidField("token");
        Assert.DoesNotContain(app.Smtp.To(newEmail), m => Kind(m) == "Invitation");
    }

    private static bool IsTo(MimeKit.MimeMessage message, string email) => message.To.Mailboxes.Any(a => a.Address == email);

    private static string Kind(MimeKit.MimeMessage message) => message.Headers["X-LearningNetwork-Kind"] ?? "";

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link_without_revealing_which_addresses_exist()
    {
        var (email, token) = await InvitedManagerAsync();
        var anonymous = app.CreateClient().Typed();
        await anonymous.ActivateAccountAsync(token, "Old-Password-123").Expect(HttpStatusCode.NoContent);

        // The two answers compared byte for byte: read raw.
        using var raw = app.CreateClient();
        var known = await raw.PostAsJsonAsync("/api/auth/forgot-password", new { email });
        var unknown = await raw.PostAsJsonAsync("/api/auth/forgot-password", new { email = "nobody-" + email });
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());

        var reset = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Headers["X-LearningNetwork-Kind"] == "PasswordReset");
        await anonymous.ResetPasswordAsync(Api.TokenFrom(reset), "New-Password-456").Expect(HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.Unauthorized, (await raw.PostAsJsonAsync("/api/auth/login", new { email, password = "Old-Password-123" })).StatusCode);
        using var signedIn = await app.SignedInClientAsync(email, "New-Password-456");
        Assert.Empty(app.Smtp.To("nobody-" + email));
        // An invitation token is not a reset token, and the other way round.
        await anonymous.ResetPasswordAsync(token, "Another-Password-789").ShouldNameInvalidField("token");
    }

    [Fact]
    public async Task A_deactivated_manager_cannot_sign_in_and_their_token_stops_working()
    {
        var (email, token) = await InvitedManagerAsync();
        var anonymous = app.CreateClient().Typed();
        await anonymous.ActivateAccountAsync(token, "Manager-Password-1").Expect(HttpStatusCode.NoContent);
        var signedIn = await app.SignedInApiAsync(email, "Manager-Password-1");
        var staff = await app.StaffApiAsync();
        var managerId = (await signedIn.GetMeAsync().Expect(HttpStatusCode.OK)).ClusterManagerId!.Value;

        var deactivated = await staff.DeactivateManagerAsync(managerId).Expect(HttpStatusCode.OK);

        Assert.False(deactivated.IsActive);
        using var login = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await login.PostAsJsonAsync("/api/auth/login", new { email, password = "Manager-Password-1" })).StatusCode);
        await signedIn.GetMeAsync().ExpectProblem(HttpStatusCode.Unauthorized);
        await anonymous.RequestPasswordResetAsync(email).Expect(HttpStatusCode.Accepted);
        await staff.DeactivateManagerAsync(managerId).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_staff_member_invites_a_colleague_who_then_has_staff_rights()
    {
        var staff = await app.StaffApiAsync();
        var email = $"colleague-{Guid.NewGuid():N}@agency.example";

        await staff.InviteStaffAsync(email, "Els Vermeulen").Expect(HttpStatusCode.Created);
        var invitation = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));
        var anonymous = app.CreateClient().Typed();
        await anonymous.ActivateAccountAsync(Api.TokenFrom(invitation), "Colleague-Password-1").Expect(HttpStatusCode.NoContent);
        var colleague = await app.SignedInApiAsync(email, "Colleague-Password-1");

        await colleague.GetClustersAsync().Expect(HttpStatusCode.OK);
        await staff.InviteStaffAsync(email, "Twice").ExpectProblem(HttpStatusCode.Conflict);
    }

    private async Task<(string Email, string Token)> InvitedManagerAsync()
    {
        var staff = await app.StaffApiAsync();
        var cluster = await staff.NewClusterAsync();
        var email = $"manager-{Guid.NewGuid():N}@cluster.example";
        await staff.NewManagerAsync(cluster.Id, email);
        var invitation = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));
        return (email, Api.TokenFrom(invitation));
    }
}
