using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.BuildingBlocks.Hosting;
using LearningNetwork.BuildingBlocks.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LearningNetwork.Accounts.Infrastructure;

/// <summary>
/// The first staff account (an Admin), from Bootstrap:StaffEmail/StaffPassword, created only while no staff
/// account exists: a fresh installation can be signed into, an existing one is never touched.
/// </summary>
internal sealed class StaffBootstrapper(
    UserManager<UserAccount> users,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<StaffBootstrapper> logger) : IStartupTask
{
    public int Order => 0;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var email = configuration["Bootstrap:StaffEmail"];
        var password = configuration["Bootstrap:StaffPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        if ((await users.GetUsersInRoleAsync(Roles.Staff)).Count > 0)
        {
            return;
        }

        var user = UserAccount.Create(email, configuration["Bootstrap:StaffFullName"] ?? "Agency staff", Languages.English, clock.GetUtcNow());
        user.EmailConfirmed = true;
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            // Another host may have won the race (duplicate name); anything else is a configuration error.
            logger.LogWarning("Bootstrap staff account {Email} not created: {Errors}", email, string.Join("; ", created.Errors.Select(e => e.Description)));
            return;
        }

        // The first account manages the others: it is the agency's first Admin.
        await users.AddToRolesAsync(user, [Roles.Staff, Roles.Admin]);
        logger.LogInformation("Created the bootstrap staff account {Email} (Admin)", email);
    }
}
