using MediatR;
using Microsoft.AspNetCore.Identity;

namespace LearningNetwork.Accounts.Features.SignInWithCookie;

/// <summary>The web UI signs in through the same <see cref="Login.Login"/>, with the cookie scheme.</summary>
internal sealed class SignInWithCookieHandler(IMediator mediator) : IRequestHandler<Contracts.SignInWithCookie, Contracts.PasswordSignInOutcome>
{
    public Task<Contracts.PasswordSignInOutcome> Handle(Contracts.SignInWithCookie request, CancellationToken cancellationToken) =>
        mediator.Send(new Login.Login(request.Email, request.Password) { Scheme = IdentityConstants.ApplicationScheme }, cancellationToken);
}
