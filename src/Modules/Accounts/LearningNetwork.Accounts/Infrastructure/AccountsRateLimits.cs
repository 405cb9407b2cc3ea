using System.Threading.RateLimiting;
using LearningNetwork.BuildingBlocks.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace LearningNetwork.Accounts.Infrastructure;

/// <summary>
/// Password guessing is slowed twice: per client address here (cheap, per host), and per account
/// by Identity's lockout (in the database, so across hosts).
/// </summary>
internal static class AccountsRateLimits
{
    public const string Login = Contracts.AccountRateLimits.Login;

    public static void Configure(RateLimiterOptions options, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:LoginPermitsPerMinute", 20);
        options.AddPolicy(Login, context => RateLimitPartition.GetFixedWindowLimiter(
            ClientAddress.Of(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }
}
