using System.Globalization;
using System.Net;
using System.Text;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.ApiClient;
using LearningNetwork.BuildingBlocks.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

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

    /// <summary>An Admin: a staff account that also holds the Admin role, as the bootstrap account does.</summary>
    public static async Task<Guid> CreateAdminAsync(this LearningNetworkApp app, string email)
    {
        var userId = await app.CreateAccountAsync(email, Roles.Staff);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        Check(await users.AddToRoleAsync((await users.FindByIdAsync(userId.ToString()))!, Roles.Admin));
        return userId;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>Real directory entries (cluster + managers through the API), for tests that enroll people.</summary>
public static class TestDirectory
{
    /// <summary>Creates a cluster and n managers with one CSV import; returns their ids in file order.</summary>
    public static Task<IReadOnlyList<Guid>> CreateManagersAsync(this LearningNetworkApp app, HttpClient staff, int count, string language = "nl") =>
        app.CreateManagersAsync(staff.Typed(), count, language);

    /// <summary>Creates a cluster and n managers with one CSV import; returns their ids in file order.</summary>
    public static async Task<IReadOnlyList<Guid>> CreateManagersAsync(this LearningNetworkApp app, LearningNetworkApi staff, int count, string language = "nl")
    {
        var clusterName = $"Testcluster {Guid.NewGuid():N}";
        await staff.CreateClusterAsync(new ClusterRequest(clusterName, "SpearheadCluster")).Expect(HttpStatusCode.Created);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var csv = new StringBuilder("cluster,fullName,email,preferredLanguage\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{clusterName},Manager {i:000},m{i:000}.{tag}@managers.example,{language}\n");
        }

        var import = await staff.ImportManagersAsync(Encoding.UTF8.GetBytes(csv.ToString()), dryRun: false).Expect(HttpStatusCode.OK);
        Assert.Equal(count, import.Created);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await app.Database.ScalarAsync<Guid>("SELECT id FROM cluster_managers.managers WHERE email = @e", ("e", $"m{i:000}.{tag}@managers.example")));
        }

        return ids;
    }

    /// <summary>A manager of this cluster who can sign in (their account gets a password directly).</summary>
    public static async Task<HttpClient> SignedInManagerOfAsync(this LearningNetworkApp app, HttpClient staff, Guid clusterId, string language = "nl")
    {
        var manager = await staff.Typed().CreateManagerAsync(new ManagerRequest(clusterId, "Manager of a cluster", $"{Guid.NewGuid():N}@cluster.example", language))
            .Expect(HttpStatusCode.Created);
        return await app.SignInAsync(manager.Id);
    }

    /// <summary>A manager of this cluster who can sign in, and the typed client they call the API with.</summary>
    public static async Task<LearningNetworkApi> SignedInManagerOfAsync(this LearningNetworkApp app, LearningNetworkApi staff, Guid clusterId, string language = "nl")
    {
        var manager = await staff.CreateManagerAsync(new ManagerRequest(clusterId, "Manager of a cluster", $"{Guid.NewGuid():N}@cluster.example", language))
            .Expect(HttpStatusCode.Created);
        return (await app.SignInAsync(manager.Id)).Typed();
    }

    /// <summary>A directory manager who can sign in: their account gets a password directly, skipping the invitation.</summary>
    public static async Task<(Guid ClusterManagerId, HttpClient Client)> SignedInDirectoryManagerAsync(this LearningNetworkApp app, HttpClient staff)
    {
        var id = (await app.CreateManagersAsync(staff, 1))[0];
        return (id, await app.SignInAsync(id));
    }

    /// <summary>A directory manager who can sign in, and the typed client they call the API with.</summary>
    public static async Task<(Guid ClusterManagerId, LearningNetworkApi Client)> SignedInDirectoryManagerAsync(this LearningNetworkApp app, LearningNetworkApi staff)
    {
        var id = (await app.CreateManagersAsync(staff, 1))[0];
        return (id, (await app.SignInAsync(id)).Typed());
    }

    /// <summary>Signs in the account of a directory entry (created through the outbox), giving it a password directly.</summary>
    public static async Task<HttpClient> SignInAsync(this LearningNetworkApp app, Guid id)
    {
        // The account comes through the directory's outbox; behind a bulk import on a busy machine that can take a while.
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>("SELECT count(*) FROM accounts.users WHERE cluster_manager_id = @id", ("id", id)) == 1,
            TimeSpan.FromSeconds(60));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = users.Users.Single(u => u.ClusterManagerId == id);
        var added = await users.AddPasswordAsync(user, TestAccounts.Password);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", added.Errors.Select(e => e.Description)));
        }

        return await app.SignedInClientAsync(user.Email!, TestAccounts.Password);
    }
}
