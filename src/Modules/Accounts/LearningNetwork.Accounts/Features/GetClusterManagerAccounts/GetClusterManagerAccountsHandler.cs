using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Features.GetClusterManagerAccounts;

/// <summary>
/// Answers the directory: activated means a password was set; invited-at is the latest invitation
/// link (a resent invitation counts from its own day), else the account's creation.
/// </summary>
internal sealed class GetClusterManagerAccountsHandler(AccountsDbContext db) : IRequestHandler<Contracts.GetClusterManagerAccounts, IReadOnlyList<ClusterManagerAccount>>
{
    public async Task<IReadOnlyList<ClusterManagerAccount>> Handle(Contracts.GetClusterManagerAccounts request, CancellationToken cancellationToken)
    {
        if (request.ClusterManagerIds.Count == 0)
        {
            return [];
        }

        var ids = request.ClusterManagerIds.Distinct().ToList();
        return await (
            from u in db.Users.AsNoTracking()
            where u.ClusterManagerId != null && ids.Contains(u.ClusterManagerId.Value)
            select new ClusterManagerAccount(
                u.ClusterManagerId!.Value,
                u.PasswordHash != null,
                db.AccountTokens.Where(t => t.UserId == u.Id && t.Purpose == AccountLinkPurpose.Invitation).Max(t => (DateTimeOffset?)t.CreatedAt) ?? u.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}
