using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.Accounts.Persistence;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LearningNetwork.Accounts.Features.CreateAccountForNewManager;

/// <summary>A new directory entry gets its account and invitation. Idempotent: one account per manager.</summary>
internal sealed class CreateAccountForNewManagerHandler(AccountsDbContext db, InvitedAccounts accounts, ILogger<CreateAccountForNewManagerHandler> logger)
    : INotificationHandler<ClusterManagerCreated>
{
    public async Task Handle(ClusterManagerCreated notification, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.ClusterManagerId == notification.ClusterManagerId, cancellationToken))
        {
            return;
        }

        try
        {
            await accounts.CreateAsync(notification.Email, notification.FullName, notification.PreferredLanguage, Roles.ClusterManager, notification.ClusterManagerId, cancellationToken);
        }
        catch (ConflictException)
        {
            // The directory checked the address when the manager was added; only a race gets here.
            logger.LogWarning("No account for cluster manager {ClusterManagerId}: {Email} already has another account", notification.ClusterManagerId, notification.Email);
        }
    }
}
