using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Features.FindAccountsByEmail;

/// <summary>Answers the directory (adding or importing managers): which of these emails already have an account, and whose.</summary>
internal sealed class FindAccountsByEmailHandler(AccountsDbContext db, UserManager<UserAccount> users)
    : IRequestHandler<Contracts.FindAccountsByEmail, IReadOnlyList<AccountByEmail>>
{
    public async Task<IReadOnlyList<AccountByEmail>> Handle(Contracts.FindAccountsByEmail request, CancellationToken cancellationToken)
    {
        var normalized = request.Emails.Select(e => users.NormalizeEmail(e.Trim())).Distinct().ToList();
        return await db.Users.AsNoTracking()
            .Where(u => normalized.Contains(u.NormalizedEmail!))
            .Select(u => new AccountByEmail(u.Email!, u.ClusterManagerId))
            .ToListAsync(cancellationToken);
    }
}
