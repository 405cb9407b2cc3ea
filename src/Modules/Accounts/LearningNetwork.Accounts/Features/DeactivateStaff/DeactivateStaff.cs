using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.Accounts.Infrastructure;
using LearningNetwork.Accounts.Persistence;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Features.DeactivateStaff;

/// <summary>
/// Shuts a colleague out (someone who left): every host refuses their tokens and cookies within
/// seconds, and their open invitation or reset links stop working. Never oneself, and never the
/// last active staff account or the last active Admin, so the agency cannot lock itself out.
/// </summary>
internal sealed record DeactivateStaff(Guid UserId) : IRequest<StaffMember>;

internal sealed class DeactivateStaffHandler(AccountsDbContext db, UserManager<UserAccount> users, AccountLinks links, ActiveAccounts activeAccounts, ICurrentUser currentUser)
    : IRequestHandler<DeactivateStaff, StaffMember>
{
    public async Task<StaffMember> Handle(DeactivateStaff request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(request.UserId.ToString());
        if (user is null || !await users.IsInRoleAsync(user, Roles.Staff))
        {
            throw new NotFoundException("Staff member", request.UserId);
        }

        if (user.Id == currentUser.UserId)
        {
            throw new ConflictException("You cannot deactivate your own account; ask a colleague.");
        }

        if (user.IsActive)
        {
            // The caller is active, so this only bites when two staff deactivate each other at
            // the same moment (each still signed in for the seconds the active flag is cached):
            // serialised on the staff role's row, the second finds nobody else left and is refused.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM accounts.roles WHERE id = {AccountsDbContext.StaffRoleId} FOR UPDATE", cancellationToken);
            var othersActive = (await users.GetUsersInRoleAsync(Roles.Staff)).Count(u => u.IsActive && u.Id != user.Id);
            if (othersActive == 0)
            {
                throw new ConflictException("This is the last active staff account.");
            }

            var isAdmin = await users.IsInRoleAsync(user, Roles.Admin);
            if (isAdmin)
            {
                await AdminGuard.LockAsync(db, cancellationToken);
                if (await AdminGuard.OtherActiveAdminsAsync(db, user.Id, cancellationToken) == 0)
                {
                    throw AdminGuard.LastAdmin();
                }
            }

            user.IsActive = false;
            await links.VoidAllAsync(user.Id, cancellationToken);
            await users.UpdateSecurityStampAsync(user); // saves both
            await transaction.CommitAsync(cancellationToken);
            activeAccounts.Forget(user.Id);
        }

        return StaffMember.From(user, await users.IsInRoleAsync(user, Roles.Admin));
    }
}
