using System.Security.Claims;
using LearningNetwork.Accounts.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LearningNetwork.Accounts.Infrastructure;

/// <summary>
/// Bearer tokens and cookies are self-contained, so a deactivated account's token, a demoted
/// Admin's, or one issued before a sign-out or a password change, would keep what it said until
/// it expires. Every authenticated request is checked against the account's active flag, current
/// roles and security stamp (cached for a few seconds per host): deactivation, role changes,
/// sign-out and new passwords take effect everywhere within that time.
/// </summary>
internal sealed class ActiveAccounts(IMemoryCache cache, IServiceProvider services)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    /// <summary>The account's state now, or null when it is deactivated or gone.</summary>
    public async Task<AccountState?> CurrentAsync(Guid userId)
    {
        if (cache.TryGetValue(Key(userId), out AccountState? state))
        {
            return state;
        }

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var stamp = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive).Select(u => new { u.SecurityStamp }).FirstOrDefaultAsync();
        state = stamp is null
            ? null
            : new AccountState(
                await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(),
                stamp.SecurityStamp ?? "");
        cache.Set(Key(userId), state, CacheFor);
        return state;
    }

    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"account-state:{userId}";

    /// <param name="Roles">The roles the account holds now.</param>
    /// <param name="SecurityStamp">Renewed by sign-out, a password change or reset, and a new email address: what was issued before stops working.</param>
    internal sealed record AccountState(IReadOnlyList<string> Roles, string SecurityStamp);
}

/// <summary>
/// Turns the caller of a deactivated (or deleted) account, or one whose cookie or token carries
/// an outdated security stamp, into an anonymous one, and gives every caller the roles their
/// account has now rather than those it had when it signed in.
/// </summary>
internal sealed class ActiveAccountClaimsTransformation(ActiveAccounts accounts, IOptions<IdentityOptions> identityOptions) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return principal;
        }

        var state = await accounts.CurrentAsync(userId);
        // Every cookie and token is issued with the stamp (Identity's claims factory puts it in):
        // one without it, or with an older one, was issued before the account's last sign-out,
        // password change or reset.
        if (state is null || principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType) is not { } stamp
            || !string.Equals(stamp, state.SecurityStamp, StringComparison.Ordinal))
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        var roles = state.Roles;

        var signedInWith = identity.FindAll(identity.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (signedInWith.SetEquals(roles))
        {
            return principal;
        }

        var current = identity.Clone();
        foreach (var claim in current.FindAll(current.RoleClaimType).ToList())
        {
            current.RemoveClaim(claim);
        }

        current.AddClaims(roles.Select(r => new Claim(current.RoleClaimType, r)));
        return new ClaimsPrincipal(current);
    }
}
