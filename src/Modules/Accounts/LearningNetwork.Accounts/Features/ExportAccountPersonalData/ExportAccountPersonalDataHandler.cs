using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Features.ExportAccountPersonalData;

/// <summary>The account as the person would recognise it: never the password hash, security stamp or token hashes.</summary>
internal sealed class ExportAccountPersonalDataHandler(AccountsDbContext db, UserManager<UserAccount> users) : IRequestHandler<Contracts.ExportAccountPersonalData, AccountPersonalData?>
{
    public async Task<AccountPersonalData?> Handle(Contracts.ExportAccountPersonalData request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.ClusterManagerId == request.ClusterManagerId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ActorId == user.Id || e.EntityId == user.Id)
            .OrderBy(e => e.Id)
            .Select(e => new AuditEntryAboutPerson(e.At, e.Action, e.Summary, e.ClientAddress))
            .ToListAsync(cancellationToken);
        return new AccountPersonalData(user.Id, user.Email!, user.FullName, user.PreferredLanguage, roles.Order().ToList(), user.IsActive, user.PasswordHash is not null,
            user.CreatedAt, user.LockoutEnd > DateTimeOffset.MinValue ? user.LockoutEnd : null, audit);
    }
}
