using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Persistence;
using LearningNetwork.ClusterManagers.Contracts;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LearningNetwork.Accounts.Features.UpdateManagerAccount;

/// <summary>Name, email and language of the account follow the directory entry.</summary>
internal sealed class UpdateManagerAccountHandler(UserManager<UserAccount> users, AccountsDbContext db, ILogger<UpdateManagerAccountHandler> logger)
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
        if (!string.Equals(user.Email, notification.Email, StringComparison.OrdinalIgnoreCase))
        {
            await users.SetEmailAsync(user, notification.Email);
            await users.SetUserNameAsync(user, notification.Email);
        }

        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            logger.LogWarning("Account of cluster manager {ClusterManagerId} not updated: {Errors}", notification.ClusterManagerId, string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
