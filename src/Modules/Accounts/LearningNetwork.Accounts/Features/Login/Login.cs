using FluentValidation;
using LearningNetwork.Accounts.Domain;
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

internal sealed class LoginHandler(SignInManager<UserAccount> signInManager) : IRequestHandler<Login, bool>
{
    public async Task<bool> Handle(Login request, CancellationToken cancellationToken)
    {
        signInManager.AuthenticationScheme = request.Scheme;
        var result = await signInManager.PasswordSignInAsync(request.Email!.Trim(), request.Password!, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded;
    }
}
