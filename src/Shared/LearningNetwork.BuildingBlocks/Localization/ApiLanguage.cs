using System.Globalization;
using LearningNetwork.BuildingBlocks.Security;
using Microsoft.AspNetCore.Http;

namespace LearningNetwork.BuildingBlocks.Localization;

/// <summary>
/// The language the API answers a request in: the one the person chose in the web UI (its language
/// cookie, which the pages' own API calls carry), else the signed-in person's preferred language,
/// else the first of nl/en/fr in Accept-Language, else English. Said in Content-Language.
/// </summary>
public static class ApiLanguage
{
    /// <summary>The web UI's language switcher remembers the choice in this cookie.</summary>
    public const string ChoiceCookie = "ln_lang";

    private static readonly Dictionary<string, CultureInfo> Cultures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nl"] = CultureInfo.GetCultureInfo("nl-BE"),
        ["en"] = CultureInfo.GetCultureInfo("en-GB"),
        ["fr"] = CultureInfo.GetCultureInfo("fr-BE"),
    };

    public static string Choose(HttpContext context)
    {
        if (context.Request.Cookies[ChoiceCookie] is { } chosen && Cultures.ContainsKey(chosen))
        {
            return chosen.ToLowerInvariant();
        }

        if (context.User.FindFirst(LearningNetworkClaims.PreferredLanguage)?.Value is { } preferred && Cultures.ContainsKey(preferred))
        {
            return preferred.ToLowerInvariant();
        }

        return context.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is not null && Cultures.ContainsKey(l)) ?? "en";
    }

    /// <summary>
    /// Sets the UI culture the messages are translated into (FluentValidation reads it too); number
    /// and date formats stay as they are, since the API's values are in invariant formats.
    /// </summary>
    public static void Apply(HttpContext context)
    {
        var language = Choose(context);
        CultureInfo.CurrentUICulture = Cultures[language];
        // On starting: the exception handler clears the headers before it writes a problem document.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.ContentLanguage = language;
            return Task.CompletedTask;
        });
    }
}
