using FluentValidation;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace LearningNetwork.Accounts.Features.Login;

/// <summary>
/// Sign in with email and password. For the API the bearer handler writes the token response;
/// for the web UI the cookie handler sets the cookie. Wrong password, unknown email, locked or
/// deactivated account all answer the same, so nobody learns which emails have accounts.
/// </summary>
internal sealed record Login(string? Email, string? Password) : IRequest<bool>
{
    internal string Scheme { get; init; } = IdentityConstants.BearerScheme;
}

internal sealed class LoginValidator : AbstractValidator<Login>
{
    public LoginValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("The email is required.").MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().WithMessage("The password is required.").MaximumLength(512);
    }
}

internal sealed class LoginHandler(SignInManager<UserAccount> signInManager, IMediator mediator, AuditHashKey hashKey) : IRequestHandler<Login, bool>
{
    public async Task<bool> Handle(Login request, CancellationToken cancellationToken)
    {
        signInManager.AuthenticationScheme = request.Scheme;
        var email = request.Email!.Trim();
        var user = await signInManager.UserManager.FindByNameAsync(email);
        if (user is null)
        {
            // Logged by a keyed hash: an address that has no account is nobody's data to keep.
            await mediator.Send(new Contracts.RecordAuditEntry(null, AuditActions.SignInFailed, "Account", null,
                $"Sign-in for an address without an account (keyed hash {await hashKey.HashAsync(email, cancellationToken)})"), cancellationToken);
            return false;
        }

        var result = await signInManager.PasswordSignInAsync(user, request.Password!, isPersistent: false, lockoutOnFailure: true);
        var how = request.Scheme == IdentityConstants.ApplicationScheme ? "cookie" : "bearer token";
        await mediator.Send(result.Succeeded
            ? new Contracts.RecordAuditEntry(user.Id, AuditActions.SignInSucceeded, "Account", user.Id, $"Signed in ({how})")
            : new Contracts.RecordAuditEntry(null, result.IsLockedOut ? AuditActions.AccountLockedOut : AuditActions.SignInFailed, "Account", user.Id,
                result.IsLockedOut ? "Sign-in refused: the account is locked out" : result.IsNotAllowed ? "Sign-in refused: the account may not sign in" : "Sign-in failed: wrong password"),
            cancellationToken);
        return result.Succeeded;
    }
}
