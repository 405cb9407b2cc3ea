using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Features.Invitations;
using LearningNetwork.Accounts.Infrastructure;
using LearningNetwork.Accounts.Persistence;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Contracts;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LearningNetwork.Accounts.Features.ManagerAccounts;

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

internal sealed class ManagerAccountRequestsHandler(
    AccountsDbContext db,
    UserManager<UserAccount> users,
    AccountLinks links,
    ActiveAccounts activeAccounts)
    : IRequestHandler<FindAccountsByEmail, IReadOnlyList<AccountByEmail>>,
      IRequestHandler<DeactivateClusterManagerAccount, Unit>,
      IRequestHandler<ResendClusterManagerInvitation, Unit>
{
    public async Task<IReadOnlyList<AccountByEmail>> Handle(FindAccountsByEmail request, CancellationToken cancellationToken)
    {
        var normalized = request.Emails.Select(e => users.NormalizeEmail(e.Trim())).Distinct().ToList();
        return await db.Users.AsNoTracking()
            .Where(u => normalized.Contains(u.NormalizedEmail!))
            .Select(u => new AccountByEmail(u.Email!, u.ClusterManagerId))
            .ToListAsync(cancellationToken);
    }

    public async Task<Unit> Handle(DeactivateClusterManagerAccount request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.ClusterManagerId == request.ClusterManagerId, cancellationToken);
        if (user is null || !user.IsActive)
        {
            return Unit.Value;
        }

        user.IsActive = false;
        await links.VoidAllAsync(user.Id, cancellationToken);
        await users.UpdateSecurityStampAsync(user); // saves both
        activeAccounts.Forget(user.Id);
        return Unit.Value;
    }

    public async Task<Unit> Handle(ResendClusterManagerInvitation request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.ClusterManagerId == request.ClusterManagerId, cancellationToken)
            ?? throw new ConflictException("This manager's account is still being created; try again in a moment.");
        if (!user.IsActive)
        {
            throw new ConflictException("This manager is deactivated.");
        }

        if (await users.HasPasswordAsync(user))
        {
            throw new ConflictException("This manager has already activated the account; they can use 'forgot password'.");
        }

        await links.IssueAsync(user, AccountLinkPurpose.Invitation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
