using LearningNetwork.Accounts.Domain;
using LearningNetwork.BuildingBlocks.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Testing;

/// <summary>Creates signed-in-able accounts straight through Identity, for tests about what a role may do.</summary>
public static class TestAccounts
{
    public const string Password = "Manager-Password-123";

    public static async Task<(Guid UserId, Guid ClusterManagerId)> CreateClusterManagerAsync(this LearningNetworkApp app, string? email = null, string language = "nl")
    {
        var clusterManagerId = Guid.CreateVersion7();
        var userId = await app.CreateAccountAsync(email ?? $"manager-{Guid.NewGuid():N}@test.local", Roles.ClusterManager, language, clusterManagerId);
        return (userId, clusterManagerId);
    }

    public static async Task<Guid> CreateAccountAsync(this LearningNetworkApp app, string email, string role, string language = "en", Guid? clusterManagerId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = UserAccount.Create(email, "Test " + role, language, DateTimeOffset.UtcNow);
        user.ClusterManagerId = clusterManagerId;
        user.EmailConfirmed = true;
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return user.Id;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
