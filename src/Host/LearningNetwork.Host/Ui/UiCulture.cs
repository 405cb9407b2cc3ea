using System.Globalization;
using LearningNetwork.BuildingBlocks.Security;

namespace LearningNetwork.Host.Ui;

/// <summary>
/// The language of a page: the one chosen with the switcher (a cookie), else the signed-in
/// person's preferred language, else the browser's, else Dutch. Dates and numbers follow the
/// Belgian (or British) customs of that language.
/// </summary>
public static class UiCulture
{
    public const string CookieName = LearningNetwork.BuildingBlocks.Localization.ApiLanguage.ChoiceCookie;

    private static readonly Dictionary<string, CultureInfo> Cultures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nl"] = CultureInfo.GetCultureInfo("nl-BE"),
        ["en"] = CultureInfo.GetCultureInfo("en-GB"),
        ["fr"] = CultureInfo.GetCultureInfo("fr-BE"),
    };

    public static IReadOnlyCollection<string> Languages => Cultures.Keys;

    public static bool IsSupported(string? language) => language is not null && Cultures.ContainsKey(language);

    /// <summary>The culture of a supported language ("nl" is nl-BE); Dutch for any other.</summary>
    public static CultureInfo Of(string language) => Cultures.GetValueOrDefault(language) ?? Cultures["nl"];

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static IApplicationBuilder UseUiCulture(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            LearningNetwork.BuildingBlocks.Localization.ApiLanguage.Apply(context);
        }
        else
        {
            var culture = Cultures[Choose(context)];
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        await next(context);
    });

    /// <summary>For the rest of this request, the language the next page will have now that this person is signed in.</summary>
    public static void UseSignedIn(HttpContext context, string preferredLanguage)
    {
        if (!IsSupported(context.Request.Cookies[CookieName]) && IsSupported(preferredLanguage))
        {
            CultureInfo.CurrentCulture = Cultures[preferredLanguage];
            CultureInfo.CurrentUICulture = Cultures[preferredLanguage];
        }
    }

        public static void Remember(HttpResponse response, string language) =>
        response.Cookies.Append(CookieName, language, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });

    private static string Choose(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is { } chosen && IsSupported(chosen))
        {
            return chosen;
        }

        if (context.User.FindFirst(LearningNetworkClaims.PreferredLanguage)?.Value is { } preferred && IsSupported(preferred))
        {
            return preferred;
        }

        var browser = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0])
            .FirstOrDefault(IsSupported);
        return browser ?? "nl";
    }
}
