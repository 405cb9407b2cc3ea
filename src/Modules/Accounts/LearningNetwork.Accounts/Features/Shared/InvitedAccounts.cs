using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Persistence;
using LearningNetwork.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Features.Shared;

/// <summary>Creates an account without a password and sends its invitation, in one transaction.</summary>
internal sealed class InvitedAccounts(AccountsDbContext db, UserManager<UserAccount> users, AccountLinks links, TimeProvider clock)
{
    public async Task<UserAccount> CreateAsync(string email, string fullName, string language, string role, Guid? clusterManagerId, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var user = UserAccount.Create(email, fullName, language, clock.GetUtcNow());
            user.ClusterManagerId = clusterManagerId;
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                    ? new ConflictException($"An account with the email {email} already exists.")
                    : new InvalidFieldException("email", string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
            await links.IssueAsync(user, AccountLinkPurpose.Invitation, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return user;
        });
    }
}
