using System.Security.Claims;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Infrastructure;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace LearningNetwork.Accounts.Features.CompleteSingleSignOn;

/// <summary>
/// The provider has vouched for someone (the OpenID Connect handler validated its ID token and put
/// the claims in the external cookie). The person is matched to an account by the email address
/// the provider verified, and signed in only when that account is an active staff account; no
/// account is ever made here (accounts come from invitations). The external cookie is used once.
/// </summary>
internal sealed class CompleteSingleSignOnHandler(
    SignInManager<UserAccount> signInManager,
    IHttpContextAccessor http,
    IMediator mediator,
    AuditHashKey hashKey,
    SingleSignOnSettings settings)
    : IRequestHandler<Contracts.CompleteSingleSignOn, SingleSignOnResult>
{
    private const string EmailClaim = "email";
    private const string EmailVerifiedClaim = "email_verified";
    private const string IdToken = "id_token";

    public async Task<SingleSignOnResult> Handle(Contracts.CompleteSingleSignOn request, CancellationToken cancellationToken)
    {
        if (!settings.Enabled || http.HttpContext is not { } context)
        {
            return new SingleSignOnResult(SingleSignOnOutcome.NotCompleted, null);
        }

        var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded)
        {
            return new SingleSignOnResult(SingleSignOnOutcome.NotCompleted, null);
        }

        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        var email = external.Principal.FindFirstValue(EmailClaim)?.Trim();
        if (string.IsNullOrEmpty(email) || !EmailVerified(external.Principal))
        {
            await AuditAsync(null, AuditActions.SignInFailed, null, string.IsNullOrEmpty(email)
                ? "Sign-in with an organisation account refused: the provider named no email address"
                : $"Sign-in with an organisation account refused: the provider did not confirm it verified the address (keyed hash {await hashKey.HashAsync(email, cancellationToken)})",
                cancellationToken);
            return new SingleSignOnResult(SingleSignOnOutcome.EmailNotVerified, email);
        }

        var users = signInManager.UserManager;
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Logged by a keyed hash: an address without an account is nobody's data to keep.
            await AuditAsync(null, AuditActions.SignInFailed, null,
                $"Sign-in with an organisation account refused: no account has this address (keyed hash {await hashKey.HashAsync(email, cancellationToken)})", cancellationToken);
            return new SingleSignOnResult(SingleSignOnOutcome.NoAccount, email);
        }

        if (user.ClusterManagerId is not null || !await users.IsInRoleAsync(user, Roles.Staff))
        {
            await AuditAsync(null, AuditActions.SignInFailed, user.Id,
                "Sign-in with an organisation account refused: the account is not a staff account (cluster managers sign in with their password)", cancellationToken);
            return new SingleSignOnResult(SingleSignOnOutcome.NotStaff, email);
        }

        if (!await signInManager.CanSignInAsync(user))
        {
            await AuditAsync(null, AuditActions.SignInFailed, user.Id, "Sign-in with an organisation account refused: the account is deactivated", cancellationToken);
            return new SingleSignOnResult(SingleSignOnOutcome.Deactivated, email);
        }

        if (!user.EmailConfirmed)
        {
            // An invited colleague who never chose a password: the provider has shown that the
            // invited address is theirs, which is what activating with the invitation link shows.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
            await AuditAsync(user.Id, AuditActions.AccountActivated, user.Id, "Account activated by a sign-in with the organisation account", cancellationToken);
        }

        var properties = new AuthenticationProperties();
        if (external.Properties?.GetTokenValue(IdToken) is { } idToken)
        {
            properties.StoreTokens([new AuthenticationToken { Name = IdToken, Value = idToken }]);
        }

        signInManager.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signInManager.SignInWithClaimsAsync(user, properties, []);
        await AuditAsync(user.Id, AuditActions.SignInSucceeded, user.Id, "Signed in (cookie, organisation account)", cancellationToken);
        return new SingleSignOnResult(SingleSignOnOutcome.SignedIn, email);
    }

    /// <summary>
    /// email_verified true (a JSON boolean, or the string some providers send) is verified; false is
    /// not. Its absence is believed only when <c>Oidc:EmailVerifiedClaimRequired</c> is false.
    /// </summary>
    private bool EmailVerified(ClaimsPrincipal principal) =>
        principal.FindFirstValue(EmailVerifiedClaim) is { } verified
            ? bool.TryParse(verified, out var value) && value
            : !settings.EmailVerifiedClaimRequired;

    private Task<Unit> AuditAsync(Guid? actorId, string action, Guid? accountId, string summary, CancellationToken cancellationToken) =>
        mediator.Send(new Contracts.RecordAuditEntry(actorId, action, "Account", accountId, summary), cancellationToken);
}
