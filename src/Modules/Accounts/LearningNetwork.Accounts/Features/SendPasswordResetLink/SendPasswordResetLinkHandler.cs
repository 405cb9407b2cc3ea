using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.Accounts.Infrastructure;
using LearningNetwork.Accounts.Persistence;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace LearningNetwork.Accounts.Features.SendPasswordResetLink;

/// <summary>
/// After the request was answered: an active account gets a reset link (voiding its earlier
/// ones), and the request is audited, by account id or, for an address without an account, by a
/// keyed hash of it. Redelivered, it issues a newer link, which voids the first.
/// </summary>
internal sealed class SendPasswordResetLinkHandler(
    AccountsDbContext db, UserManager<UserAccount> users, AccountLinks links, IDataProtectionProvider protection, IMediator mediator, AuditHashKey hashKey)
    : INotificationHandler<PasswordResetAsked>
{
    public async Task Handle(PasswordResetAsked notification, CancellationToken cancellationToken)
    {
        var email = protection.CreateProtector(ResetRequests.ProtectionPurpose).Unprotect(notification.ProtectedEmail);
        var user = await users.FindByEmailAsync(email);
        if (user is { IsActive: true })
        {
            await links.IssueAsync(user, AccountLinkPurpose.PasswordReset, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await mediator.Send(user is null
            ? new Contracts.RecordAuditEntry(null, AuditActions.PasswordResetRequested, "Account", null,
                $"Reset asked for an address without an account (keyed hash {await hashKey.HashAsync(email, cancellationToken)})", notification.ClientAddress)
            : new Contracts.RecordAuditEntry(null, AuditActions.PasswordResetRequested, "Account", user.Id,
                user.IsActive ? "Reset link sent" : "Reset asked for a deactivated account: no link sent", notification.ClientAddress), cancellationToken);
    }
}
