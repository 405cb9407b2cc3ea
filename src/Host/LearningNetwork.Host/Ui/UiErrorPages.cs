namespace LearningNetwork.Host.Ui;

/// <summary>
/// A page that is not there, or that fails, shows a page in the site's layout and the person's
/// language with a way back, not a JSON document. API paths keep their problem details.
/// </summary>
public static class UiErrorPages
{
    private static readonly string[] MachinePrefixes = ["/api", "/calendar", "/health", "/hangfire", "/metrics", "/openapi", "/scalar"];

    /// <summary>Paths that programs read: their errors stay problem details.</summary>
    public static bool IsForMachines(PathString path) => MachinePrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Must come right after the building blocks' error handling, so that the error page runs
    /// through authentication and the language choice like any page.
    /// </summary>
    public static IApplicationBuilder UseUiErrorPages(this IApplicationBuilder app) =>
        app.UseWhen(context => !IsForMachines(context.Request.Path), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error/500" });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
}
