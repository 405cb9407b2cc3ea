using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Infrastructure;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace LearningNetwork.Accounts.Features.SignOutCookie;

/// <summary>
/// The web UI's sign-out ends the session on the server, not only in this browser: the
/// account's security stamp is renewed, so a copy of the cookie (or a token) issued before is
/// refused from the next request on (within seconds on other hosts). That signs the person out
/// everywhere, which is what a person signing out on a shared or lost device needs.
/// </summary>
internal sealed class SignOutCookieHandler(SignInManager<UserAccount> signInManager, ICurrentUser currentUser, ActiveAccounts activeAccounts)
    : IRequestHandler<Contracts.SignOutCookie, Unit>
{
    public async Task<Unit> Handle(Contracts.SignOutCookie request, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is { } userId && await signInManager.UserManager.FindByIdAsync(userId.ToString()) is { } user)
        {
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
            activeAccounts.Forget(userId);
        }

        signInManager.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signInManager.SignOutAsync();
        return Unit.Value;
    }
}
