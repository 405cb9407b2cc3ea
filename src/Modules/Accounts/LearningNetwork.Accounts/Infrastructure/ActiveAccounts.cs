using System.Security.Claims;
using LearningNetwork.Accounts.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Accounts.Infrastructure;

/// <summary>
/// Bearer tokens are self-contained, so a deactivated account's token would work until it
/// expires. Every authenticated request is checked against the account's active flag (cached
/// for a few seconds per host): deactivation takes effect everywhere within that time.
/// </summary>
internal sealed class ActiveAccounts(IMemoryCache cache, IServiceProvider services)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    public async Task<bool> IsActiveAsync(Guid userId)
    {
        if (cache.TryGetValue(Key(userId), out bool active))
        {
            return active;
        }

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        active = await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.IsActive);
        cache.Set(Key(userId), active, CacheFor);
        return active;
    }

    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"account-active:{userId}";
}

/// <summary>Turns the caller of a deactivated (or deleted) account into an anonymous one.</summary>
internal sealed class ActiveAccountClaimsTransformation(ActiveAccounts accounts) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return principal;
        }

        return await accounts.IsActiveAsync(userId) ? principal : new ClaimsPrincipal(new ClaimsIdentity());
    }
}
