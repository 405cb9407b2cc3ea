using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Infrastructure;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningNetwork.Accounts.Features.SignOutCookie;

/// <summary>
/// The web UI's sign-out ends the session on the server, not only in this browser: the
/// account's security stamp is renewed, so a copy of the cookie (or a token) issued before is
/// refused from the next request on (within seconds on other hosts). That signs the person out
/// everywhere, which is what a person signing out on a shared or lost device needs. A person who
/// signed in with their organisation account is also sent to the provider's end-session endpoint,
/// when it has one, so that the next sign-in asks the provider again; else the sign-out is local.
/// </summary>
internal sealed class SignOutCookieHandler(
    SignInManager<UserAccount> signInManager,
    ICurrentUser currentUser,
    ActiveAccounts activeAccounts,
    SingleSignOnSettings singleSignOn,
    IHttpContextAccessor http,
    IOptionsMonitor<OpenIdConnectOptions> oidcOptions,
    ILogger<SignOutCookieHandler> logger)
    : IRequestHandler<Contracts.SignOutCookie, bool>
{
    public async Task<bool> Handle(Contracts.SignOutCookie request, CancellationToken cancellationToken)
    {
        var context = http.HttpContext;
        var endProviderSession = singleSignOn.Enabled
            && context is not null
            && await context.GetTokenAsync(IdentityConstants.ApplicationScheme, "id_token") is not null
            && await SingleSignOn.ProviderEndsSessionsAsync(oidcOptions.Get(SingleSignOnSettings.Scheme), logger, cancellationToken);

        if (currentUser.UserId is { } userId && await signInManager.UserManager.FindByIdAsync(userId.ToString()) is { } user)
        {
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
            activeAccounts.Forget(userId);
        }

        if (endProviderSession)
        {
            // Reads the ID token from the cookie (id_token_hint) before the cookie is removed below.
            await context!.SignOutAsync(SingleSignOnSettings.Scheme, new AuthenticationProperties { RedirectUri = request.AfterwardsUrl });
        }

        signInManager.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signInManager.SignOutAsync();
        return endProviderSession;
    }
}
