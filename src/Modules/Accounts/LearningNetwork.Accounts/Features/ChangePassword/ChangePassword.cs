using FluentValidation;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Infrastructure;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace LearningNetwork.Accounts.Features.ChangePassword;

/// <summary>
/// A signed-in person changes their own password, proving the current one. Identity renews the
/// account's security stamp, so every cookie and bearer token issued before, the caller's own
/// included, stops working (at once on this host, within seconds on others): whoever knew the old
/// password is out. The web UI then gives the person's browser a new cookie (RenewCookieSignIn);
/// an API client signs in again.
/// </summary>
internal sealed record ChangePassword(string? CurrentPassword, string? NewPassword) : IRequest<Unit>;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Enter your current password.").MaximumLength(512);
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Choose a new password.").MaximumLength(512);
    }
}

internal sealed class ChangePasswordHandler(UserManager<UserAccount> users, ICurrentUser currentUser, IMediator mediator, ActiveAccounts activeAccounts) : IRequestHandler<ChangePassword, Unit>
{
    public async Task<Unit> Handle(ChangePassword request, CancellationToken cancellationToken)
    {
        var id = currentUser.UserId ?? throw new ForbiddenException("No user is signed in.");
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("Account", id);
        // Verifying a password is deliberately slow (PBKDF2), so it is done once: by
        // ChangePasswordAsync, which checks the current one first; only a "new" password equal to
        // the current one needs its own check, to say which field is wrong.
        if (request.NewPassword == request.CurrentPassword)
        {
            throw await users.CheckPasswordAsync(user, request.CurrentPassword!)
                ? new InvalidFieldException("newPassword", "Choose a password other than the current one.")
                : WrongCurrentPassword();
        }

        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            throw WrongCurrentPassword();
        }

        if (!result.Succeeded)
        {
            throw new InvalidFieldException("newPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        activeAccounts.Forget(user.Id);
        await mediator.Send(new Contracts.RecordAuditEntry(user.Id, AuditActions.PasswordChanged, "Account", user.Id, "Password changed"), cancellationToken);
        return Unit.Value;
    }

    private static InvalidFieldException WrongCurrentPassword() => new("currentPassword", "This is not your current password.");
}
