using FluentValidation;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Infrastructure;
using System.Security.Claims;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace LearningNetwork.Accounts.Features.Login;

/// <summary>
/// Sign in with email and password. For the API the bearer handler writes the token response;
/// for the web UI the cookie handler sets the cookie. Wrong password, unknown email, throttled
/// or deactivated account all answer the same, and take the same time, so nobody learns which
/// emails have accounts. With <c>Oidc:StaffPasswordSignIn=false</c> a staff account is refused
/// too; only whoever gave its right password is told to use the organisation account.
/// </summary>
internal sealed record Login(string? Email, string? Password) : IRequest<PasswordSignInOutcome>
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

internal sealed class LoginHandler(SignInManager<UserAccount> signInManager, IMediator mediator, AuditHashKey hashKey, SignInThrottle throttle, IHttpContextAccessor http, SingleSignOnSettings singleSignOn)
    : IRequestHandler<Login, PasswordSignInOutcome>
{
    /// <summary>
    /// A hash of a random password made by the same hasher: an address without an account (or an
    /// account without a password yet) costs the same verification as a wrong password, so the
    /// answer's timing does not tell which addresses have accounts.
    /// </summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), SecretTokens.New()));

    public async Task<PasswordSignInOutcome> Handle(Login request, CancellationToken cancellationToken)
    {
        signInManager.AuthenticationScheme = request.Scheme;
        var users = signInManager.UserManager;
        var email = request.Email!.Trim();
        var clientAddress = http.HttpContext is { } context ? ClientAddress.Of(context) : "unknown";
        // Every path below does the same work: the throttle's read, the account's read, one
        // password verification, the throttle's write on failure and one audit entry.
        var throttled = await throttle.IsThrottledAsync(email, clientAddress, cancellationToken);
        var user = await users.FindByNameAsync(email);
        bool passwordRight;
        if (user?.PasswordHash is not null)
        {
            passwordRight = await users.CheckPasswordAsync(user, request.Password!);
        }
        else
        {
            _ = users.PasswordHasher.VerifyHashedPassword(user ?? new UserAccount(), DummyHash.Value, request.Password!);
            passwordRight = false;
        }

        // Staff accounts are those without a directory entry; managers always keep their passwords.
        var staffMustUseOrganisationAccount = !singleSignOn.StaffPasswordSignIn && user is { ClusterManagerId: null };
        var signedIn = !throttled && passwordRight && !staffMustUseOrganisationAccount && user is not null && await signInManager.CanSignInAsync(user);
        if (signedIn)
        {
            await throttle.ClearAsync(email, clientAddress, cancellationToken);
            await signInManager.SignInWithClaimsAsync(user!, isPersistent: false, [new Claim("amr", "pwd")]);
            var how = request.Scheme == IdentityConstants.ApplicationScheme ? "cookie" : "bearer token";
            await mediator.Send(new Contracts.RecordAuditEntry(user!.Id, AuditActions.SignInSucceeded, "Account", user.Id, $"Signed in ({how})"), cancellationToken);
            return PasswordSignInOutcome.SignedIn;
        }

        if (!throttled && passwordRight && staffMustUseOrganisationAccount)
        {
            // The right password of a staff account: no failure to throttle, and nothing a
            // stranger learns, since only whoever knows the password is told.
            await mediator.Send(new Contracts.RecordAuditEntry(null, AuditActions.SignInFailed, "Account", user!.Id,
                "Sign-in refused: password sign-in is off for staff, who sign in with their organisation account"), cancellationToken);
            return PasswordSignInOutcome.UseOrganisationAccount;
        }

        var nowThrottled = !throttled && await throttle.RecordFailureAsync(email, clientAddress, cancellationToken);
        await mediator.Send(user is null
            // Logged by a keyed hash: an address that has no account is nobody's data to keep.
            ? new Contracts.RecordAuditEntry(null, AuditActions.SignInFailed, "Account", null,
                $"Sign-in for an address without an account (keyed hash {await hashKey.HashAsync(email, cancellationToken)})")
            : new Contracts.RecordAuditEntry(null, throttled || nowThrottled ? AuditActions.AccountLockedOut : AuditActions.SignInFailed, "Account", user.Id,
                throttled ? "Sign-in refused: too many failures from this address, try again later"
                : nowThrottled ? "Sign-in failed: wrong password; this address may not try again for a while"
                : passwordRight ? "Sign-in refused: the account may not sign in" : "Sign-in failed: wrong password"),
            cancellationToken);
        return PasswordSignInOutcome.Refused;
    }
}
