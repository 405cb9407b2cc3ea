namespace LearningNetwork.Host.Security;

/// <summary>
/// Headers every response carries, pages, API answers, files and errors alike:
/// <list type="bullet">
/// <item>a Content-Security-Policy that runs only this host's own script files (the pages have no
/// inline script or event handler attributes; site.js binds everything), loads nothing from elsewhere
/// and may not be framed (<c>frame-ancestors 'none'</c>: no clickjacking). Style attributes stay
/// allowed (<c>style-src-attr</c>): the pages' bars are sized with them, and a style cannot run code;</item>
/// <item><c>Referrer-Policy: no-referrer</c>: the activation and reset pages carry their secret token
/// in the address, which must not travel to another site in a Referer header;</item>
/// <item><c>X-Content-Type-Options: nosniff</c>: a file is what its content type says.</item>
/// </list>
/// Set when the response starts, so answers written by the error handler (which clears headers) carry them too.
/// With single sign-on configured, forms may also lead to the provider's origin (<c>form-action</c>):
/// the sign-in and sign-out buttons post here and are redirected on to the provider, and browsers
/// hold such redirects to the form-action list.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy, with the single sign-on provider's origin (<c>Oidc:Authority</c>) among the form targets when there is one.</summary>
    public static string PolicyFor(IConfiguration configuration) =>
        Uri.TryCreate(configuration["Oidc:Authority"], UriKind.Absolute, out var authority)
            ? ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {authority.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal)
            : ContentSecurityPolicy;

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        var policy = PolicyFor(app.Configuration);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // The API reference (Development only) is a page of its own, with its own inline script.
                if (!(development && context.Request.Path.StartsWithSegments("/scalar")))
                {
                    headers.ContentSecurityPolicy = policy;
                }

                headers["Referrer-Policy"] = "no-referrer";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
