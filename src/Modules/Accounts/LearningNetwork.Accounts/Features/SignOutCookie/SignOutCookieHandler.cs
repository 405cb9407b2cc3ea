using LearningNetwork.Accounts.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace LearningNetwork.Accounts.Features.SignOutCookie;

/// <summary>The web UI's sign-out: the cookie is removed from the current response.</summary>
internal sealed class SignOutCookieHandler(SignInManager<UserAccount> signInManager) : IRequestHandler<Contracts.SignOutCookie, Unit>
{
    public async Task<Unit> Handle(Contracts.SignOutCookie request, CancellationToken cancellationToken)
    {
        signInManager.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signInManager.SignOutAsync();
        return Unit.Value;
    }
}
