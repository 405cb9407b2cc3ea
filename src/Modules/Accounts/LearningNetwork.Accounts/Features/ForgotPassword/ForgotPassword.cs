using FluentValidation;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.Accounts.Infrastructure;
using LearningNetwork.Accounts.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace LearningNetwork.Accounts.Features.ForgotPassword;

/// <summary>
/// Sends a reset link when the address has an active account, and answers the same either
/// way: nobody learns from this which addresses have accounts.
/// </summary>
internal sealed record ForgotPassword(string? Email) : IRequest<Unit>;

internal sealed class ForgotPasswordValidator : AbstractValidator<ForgotPassword>
{
    public ForgotPasswordValidator() => RuleFor(x => x.Email).NotEmpty().WithMessage("The email is required.").MaximumLength(320)
        .EmailAddress().WithMessage("This is not an email address.");
}

internal sealed class ForgotPasswordHandler(AccountsDbContext db, UserManager<UserAccount> users, AccountLinks links, IMediator mediator, AuditHashKey hashKey) : IRequestHandler<ForgotPassword, Unit>
{
    public async Task<Unit> Handle(ForgotPassword request, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(request.Email!.Trim());
        if (user is { IsActive: true })
        {
            await links.IssueAsync(user, AccountLinkPurpose.PasswordReset, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await mediator.Send(user is null
            ? new Contracts.RecordAuditEntry(null, AuditActions.PasswordResetRequested, "Account", null,
                $"Reset asked for an address without an account (keyed hash {await hashKey.HashAsync(request.Email!, cancellationToken)})")
            : new Contracts.RecordAuditEntry(null, AuditActions.PasswordResetRequested, "Account", user.Id,
                user.IsActive ? "Reset link sent" : "Reset asked for a deactivated account: no link sent"), cancellationToken);

        return Unit.Value;
    }
}
