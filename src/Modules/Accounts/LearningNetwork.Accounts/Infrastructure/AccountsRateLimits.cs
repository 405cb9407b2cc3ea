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
        // Only attempts count: showing the sign-in page (a GET) tries no password, and a person
        // reloading it, or coming back to it after a mistyped password, must not be shut out.
        options.AddPolicy(Login, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }
}
