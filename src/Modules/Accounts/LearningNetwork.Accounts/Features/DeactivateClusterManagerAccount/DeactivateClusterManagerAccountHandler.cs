using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.Accounts.Infrastructure;
using LearningNetwork.Accounts.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Features.DeactivateClusterManagerAccount;

/// <summary>Answers the directory (deactivating a manager): the account stops at once and its open links are voided.</summary>
internal sealed class DeactivateClusterManagerAccountHandler(
    AccountsDbContext db,
    UserManager<UserAccount> users,
    AccountLinks links,
    ActiveAccounts activeAccounts)
    : IRequestHandler<Contracts.DeactivateClusterManagerAccount, Unit>
{
    public async Task<Unit> Handle(Contracts.DeactivateClusterManagerAccount request, CancellationToken cancellationToken)
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
}
