using LearningNetwork.BuildingBlocks.Security;

namespace LearningNetwork.Host.Ui;

/// <summary>The server-rendered web UI for staff and cluster managers (Razor Pages).</summary>
public static class WebUi
{
    public static IServiceCollection AddWebUi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Staff", Policies.Staff);
            options.Conventions.AuthorizePage("/Staff/Audit", Policies.Admin);
            options.Conventions.AuthorizeFolder("/Manager", Policies.ClusterManager);
            options.Conventions.AuthorizePage("/Guidelines/Index");
            options.Conventions.AuthorizePage("/Account/Password");
            // Open to everyone by intent (the other open pages say so on their model).
            options.Conventions.AllowAnonymousToPage("/AccessDenied");
            options.Conventions.AllowAnonymousToPage("/Index");
        });
        // Accented letters (é, ë, à) as themselves in the HTML, not as numeric character references.
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<SelfAddress>();
        // The UI's texts are resources (Resources/Ui/UiText.resx, .nl.resx, .fr.resx) read in the page's culture.
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<UiText>();
        services.AddTransient<UiApiCallHandler>();
        // Calls whose use case the pages may send in process take that way (LearningNetworkApi asks for it).
        services.AddScoped<IUseCaseSender, UiUseCaseSender>();
        // The typed client of the API (LearningNetwork.ApiClient); UiApiCallHandler aims each call at
        // this host and makes it the signed-in person's.
        services.AddHttpClient<LearningNetworkApi>(client => client.BaseAddress = UiApiCallHandler.Unresolved)
            .AddHttpMessageHandler<UiApiCallHandler>()
            // The browser's cookie header is passed on by hand, and API redirects are answers to show, not to follow.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        UiFormat.DisplayZone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Ui:TimeZone"] ?? "Europe/Brussels");
        return services;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        app.MapRazorPages();
        // A mail program without one-click unsubscribe opens the List-Unsubscribe link in a browser:
        // it gets the page that asks first, since a GET must never unsubscribe (RFC 8058).
        app.MapGet("/api/unsubscribe", (string? token) => TypedResults.Redirect("/unsubscribe" + UiQuery.Build(("token", token))))
            .AllowAnonymous()
            .WithTags("Preferences")
            .WithName("OpenUnsubscribeLink")
            .WithSummary("The one-click unsubscribe link opened in a browser: redirects to the page that asks before it stops announcements")
            .Produces(StatusCodes.Status302Found);
        return app;
    }
}
