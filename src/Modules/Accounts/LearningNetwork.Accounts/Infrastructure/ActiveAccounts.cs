using System.Security.Claims;
using LearningNetwork.Accounts.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Accounts.Infrastructure;

/// <summary>
/// Bearer tokens and cookies are self-contained, so a deactivated account's token, or a demoted
/// Admin's, would keep what it said until it expires. Every authenticated request is checked
/// against the account's active flag and current roles (cached for a few seconds per host):
/// deactivation and role changes take effect everywhere within that time.
/// </summary>
internal sealed class ActiveAccounts(IMemoryCache cache, IServiceProvider services)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    /// <summary>The account's roles now, or null when it is deactivated or gone.</summary>
    public async Task<IReadOnlyList<string>?> CurrentRolesAsync(Guid userId)
    {
        if (cache.TryGetValue(Key(userId), out AccountState? state) && state is not null)
        {
            return state.Active ? state.Roles : null;
        }

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var active = await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.IsActive);
        var roles = active
            ? await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync()
            : [];
        state = new AccountState(active, roles);
        cache.Set(Key(userId), state, CacheFor);
        return active ? roles : null;
    }

    public async Task<bool> IsActiveAsync(Guid userId) => await CurrentRolesAsync(userId) is not null;

    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"account-state:{userId}";

    private sealed record AccountState(bool Active, IReadOnlyList<string> Roles);
}

/// <summary>
/// Turns the caller of a deactivated (or deleted) account into an anonymous one, and gives every
/// caller the roles their account has now rather than those it had when it signed in.
/// </summary>
internal sealed class ActiveAccountClaimsTransformation(ActiveAccounts accounts) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return principal;
        }

        var roles = await accounts.CurrentRolesAsync(userId);
        if (roles is null)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

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
