using LearningNetwork.Accounts.Domain;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace LearningNetwork.Accounts.Features.RenewCookieSignIn;

/// <summary>A new cookie, with the account's current security stamp, for the person signed in on this request.</summary>
internal sealed class RenewCookieSignInHandler(SignInManager<UserAccount> signInManager, ICurrentUser currentUser) : IRequestHandler<Contracts.RenewCookieSignIn, Unit>
{
    public async Task<Unit> Handle(Contracts.RenewCookieSignIn request, CancellationToken cancellationToken)
    {
        var id = currentUser.UserId ?? throw new ForbiddenException("No user is signed in.");
        var user = await signInManager.UserManager.FindByIdAsync(id.ToString());
        if (user is { IsActive: true })
        {
            signInManager.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            await signInManager.SignInAsync(user, isPersistent: false);
        }

        return Unit.Value;
    }
}
