using LearningNetwork.Accounts.Infrastructure;
using LearningNetwork.Accounts.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Features.EraseAccountPersonalData;

/// <summary>
/// Deletes the account; its roles, claims, logins and one-time links go with it (cascade), its
/// tokens and cookies stop at the next request on every host (no active account). The audit
/// log keeps its entries: they name the account by id only.
/// </summary>
internal sealed class EraseAccountPersonalDataHandler(AccountsDbContext db, ActiveAccounts activeAccounts) : IRequestHandler<Contracts.EraseAccountPersonalData, Unit>
{
    public async Task<Unit> Handle(Contracts.EraseAccountPersonalData request, CancellationToken cancellationToken)
    {
        var userIds = await db.Users.Where(u => u.ClusterManagerId == request.Subject.ClusterManagerId).Select(u => u.Id).ToListAsync(cancellationToken);
        await db.Users.Where(u => u.ClusterManagerId == request.Subject.ClusterManagerId).ExecuteDeleteAsync(cancellationToken);
        userIds.ForEach(activeAccounts.Forget);
        return Unit.Value;
    }
}
