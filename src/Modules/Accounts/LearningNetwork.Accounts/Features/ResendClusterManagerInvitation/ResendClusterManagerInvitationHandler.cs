using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.Accounts.Persistence;
using LearningNetwork.BuildingBlocks.Errors;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Features.ResendClusterManagerInvitation;

/// <summary>Answers the directory: a new invitation link for a manager who has not activated yet, voiding the old one.</summary>
internal sealed class ResendClusterManagerInvitationHandler(AccountsDbContext db, UserManager<UserAccount> users, AccountLinks links)
    : IRequestHandler<Contracts.ResendClusterManagerInvitation, Unit>
{
    public async Task<Unit> Handle(Contracts.ResendClusterManagerInvitation request, CancellationToken cancellationToken)
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
