using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Accounts.Contracts;

namespace LearningNetwork.Accounts.Domain;

/// <summary>
/// A one-time link (invitation or password reset). Only the SHA-256 of the token is stored: a
/// copy of the database gives nobody a working link. Single use; a newer link of the same
/// purpose voids the older ones.
/// </summary>
internal sealed class AccountToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private AccountToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public AccountLinkPurpose Purpose { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && VoidedAt is null && now < ExpiresAt;

    /// <summary>A new token: 256 random bits, base64url. The clear value is returned once, to be emailed.</summary>
    public static (AccountToken Token, string ClearValue) Issue(Guid userId, AccountLinkPurpose purpose, DateTimeOffset now)
    {
        var clear = SecretTokens.New();
        return (new AccountToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Purpose = purpose,
            TokenHash = Hash(clear),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        }, clear);
    }

    public static string Hash(string clearValue) => SecretTokens.Hash(clearValue);

    public void Use(DateTimeOffset now) => UsedAt = now;

    public void Void(DateTimeOffset now) => VoidedAt ??= now;
}
