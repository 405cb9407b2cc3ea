using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.Accounts.Persistence;
using LearningNetwork.ClusterManagers.Contracts;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LearningNetwork.Accounts.Features.UpdateManagerAccount;

/// <summary>
/// Name, email and language of the account follow the directory entry. A new email address
/// means the old one is no longer the manager's: the invitation and reset links sent there are
/// voided (whoever reads that mailbox now must not activate or take over the account), the
/// account's sessions end (Identity renews the security stamp with the email), and a manager who
/// had not activated yet gets a new invitation at the new address. Redelivered, the event finds
/// the email already changed and does nothing twice.
/// </summary>
internal sealed class UpdateManagerAccountHandler(UserManager<UserAccount> users, AccountsDbContext db, AccountLinks links, ILogger<UpdateManagerAccountHandler> logger)
    : INotificationHandler<ClusterManagerUpdated>
{
    public async Task Handle(ClusterManagerUpdated notification, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.ClusterManagerId == notification.ClusterManagerId, cancellationToken);
        if (user is null)
        {
            return;
        }

        user.FullName = notification.FullName;
        user.PreferredLanguage = notification.PreferredLanguage;
        var emailChanged = !string.Equals(user.Email, notification.Email, StringComparison.OrdinalIgnoreCase);
        if (emailChanged)
        {
            await links.VoidAllAsync(user.Id, cancellationToken);
            await users.SetEmailAsync(user, notification.Email);
            await users.SetUserNameAsync(user, notification.Email);
            if (user.IsActive && !await users.HasPasswordAsync(user))
            {
                // After the new address is set: the invitation event carries it.
                await links.IssueAsync(user, AccountLinkPurpose.Invitation, cancellationToken);
            }
        }

        // One save (Identity's store saves the whole context): the account, the voided links and
        // the new invitation's outbox message commit together.
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            logger.LogWarning("Account of cluster manager {ClusterManagerId} not updated: {Errors}", notification.ClusterManagerId, string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
