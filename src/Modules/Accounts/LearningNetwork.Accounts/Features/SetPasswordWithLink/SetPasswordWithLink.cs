using FluentValidation;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.Accounts.Infrastructure;
using LearningNetwork.Accounts.Persistence;
using LearningNetwork.BuildingBlocks.Errors;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Features.SetPasswordWithLink;

/// <summary>The person follows the link in their invitation (or reset email) and chooses a password.</summary>
internal sealed record SetPasswordWithLink(string? Token, string? Password) : IRequest<Unit>
{
    internal AccountLinkPurpose Purpose { get; init; } = AccountLinkPurpose.Invitation;
}

internal sealed class SetPasswordWithLinkValidator : AbstractValidator<SetPasswordWithLink>
{
    public SetPasswordWithLinkValidator()
    {
        RuleFor(x => x.Token).NotEmpty().WithMessage("The token from the email link is required.").MaximumLength(200);
        RuleFor(x => x.Password).NotEmpty().WithMessage("Choose a password.").MaximumLength(512);
    }
}

internal sealed class SetPasswordWithLinkHandler(AccountsDbContext db, UserManager<UserAccount> users, AccountLinks links, TimeProvider clock, IMediator mediator, ActiveAccounts activeAccounts)
    : IRequestHandler<SetPasswordWithLink, Unit>
{
    private const string InvalidLink = "This link is not valid: it was already used, replaced by a newer one, or it has expired.";

    private const string UsedInvitation = "This invitation link was already used: your account is active. Sign in with your email and password; if you forgot the password, ask for a new one.";

    private const string UsedReset = "This link was already used: your password was set with it. Sign in with that password, or ask for a new link.";

    public async Task<Unit> Handle(SetPasswordWithLink request, CancellationToken cancellationToken)
    {
        var token = await links.FindUsableAsync(request.Token!, request.Purpose, cancellationToken)
            ?? throw new InvalidFieldException("token", await WhyNotUsableAsync(request, cancellationToken));
        var user = await users.FindByIdAsync(token.UserId.ToString());
        if (user is null || !user.IsActive)
        {
            throw new InvalidFieldException("token", InvalidLink);
        }

        // Check the password before using up the link, so a weak password can be corrected.
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, request.Password);
            if (!check.Succeeded)
            {
                throw new InvalidFieldException("password", string.Join(" ", check.Errors.Select(e => e.Description)));
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Exactly one request can use a link, even when two arrive at once.
        var claimed = await db.AccountTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null && t.VoidedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (claimed != 1)
        {
            throw new InvalidFieldException("token", InvalidLink);
        }

        if (await users.HasPasswordAsync(user))
        {
            Check(await users.RemovePasswordAsync(user));
        }

        Check(await users.AddPasswordAsync(user, request.Password!));
        user.EmailConfirmed = true;
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        Check(await users.UpdateSecurityStampAsync(user));
        await mediator.Send(request.Purpose == AccountLinkPurpose.Invitation
            ? new Contracts.RecordAuditEntry(user.Id, AuditActions.AccountActivated, "Account", user.Id, "Account activated with the invitation link")
            : new Contracts.RecordAuditEntry(user.Id, AuditActions.PasswordReset, "Account", user.Id, "Password reset with the emailed link"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The new stamp ends every earlier cookie and token: at once on this host, within seconds elsewhere.
        activeAccounts.Forget(user.Id);
        return Unit.Value;
    }

    /// <summary>A link already used says so (the person most likely clicked it twice), rather than the general refusal.</summary>
    private async Task<string> WhyNotUsableAsync(SetPasswordWithLink request, CancellationToken cancellationToken)
    {
        var hash = AccountToken.Hash(request.Token!);
        var used = await db.AccountTokens.AsNoTracking().AnyAsync(t => t.TokenHash == hash && t.Purpose == request.Purpose && t.UsedAt != null, cancellationToken);
        return !used ? InvalidLink : request.Purpose == AccountLinkPurpose.Invitation ? UsedInvitation : UsedReset;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidFieldException("password", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
