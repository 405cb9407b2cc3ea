using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Persistence;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.BuildingBlocks.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Features.Shared;

/// <summary>
/// Issues one-time links: voids the user's earlier links of that purpose, stores the new one's
/// hash and queues the email through the outbox, all in the caller's unit of work.
/// </summary>
internal sealed class AccountLinks(AccountsDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _emailSecrets = protection.CreateProtector(EmailSecrets.ProtectionPurpose);

    public async Task IssueAsync(UserAccount user, AccountLinkPurpose purpose, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var earlier = await db.AccountTokens
            .Where(t => t.UserId == user.Id && t.Purpose == purpose && t.UsedAt == null && t.VoidedAt == null)
            .ToListAsync(cancellationToken);
        earlier.ForEach(t => t.Void(now));

        var (token, clear) = AccountToken.Issue(user.Id, purpose, now);
        db.AccountTokens.Add(token);
        OutboxModel.Add(db.OutboxMessages, new AccountLinkIssued(
            user.Id, user.Email!, user.FullName, user.PreferredLanguage, purpose, _emailSecrets.Protect(clear), token.ExpiresAt), clock);
    }

    /// <summary>The usable token for that clear value and purpose, or null (unknown, used, voided or expired).</summary>
    public async Task<AccountToken?> FindUsableAsync(string clearValue, AccountLinkPurpose purpose, CancellationToken cancellationToken)
    {
        var hash = AccountToken.Hash(clearValue);
        var token = await db.AccountTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, cancellationToken);
        return token is not null && token.IsUsable(clock.GetUtcNow()) ? token : null;
    }

    public async Task VoidAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.AccountTokens.Where(t => t.UserId == userId && t.UsedAt == null && t.VoidedAt == null).ToListAsync(cancellationToken);
        open.ForEach(t => t.Void(now));
    }
}
