using System.Security.Cryptography;
using System.Text;
using LearningNetwork.BuildingBlocks.Security;

namespace LearningNetwork.Host.Security;

/// <summary>
/// Browsers never need to change anything through /api themselves: the web UI calls the API
/// over loopback with a secret header only this host knows. So a cookie-authenticated request
/// with an unsafe method that lacks that proof came from somewhere else (a form on a same-site
/// page posting text/plain or an empty body with the staff member's cookie) and is refused.
/// Bearer-token clients send no cookie-borne authority and are unaffected; anonymous requests
/// (sign-in, activation, feedback) carry no authority to abuse.
/// </summary>
internal static class CookieRequestForgery
{
    public static IApplicationBuilder UseCookieRequestForgeryProtection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsForged(context))
        {
            await TypedResults.Problem(
                    title: "Forbidden",
                    detail: "A browser cookie does not authorise changes through the API: use the web UI, or an API token.",
                    statusCode: StatusCodes.Status403Forbidden)
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    private static bool IsForged(HttpContext context)
    {
        var method = context.Request.Method;
        if (!context.Request.Path.StartsWithSegments("/api")
            || HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)
            || context.User.Identity?.IsAuthenticated != true
            || context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var secret = context.RequestServices.GetRequiredService<LoopbackCallerSecret>().Value;
        return context.Request.Headers[LoopbackCallerSecret.SecretHeader] is not [{ } presented]
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(secret));
    }
}
