using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.BuildingBlocks.Localization;

/// <summary>
/// The API's messages in the caller's language (docs/decisions/0020-api-messages-in-the-callers-language.md).
/// Code writes its messages in English, as it always did; each module ships what they read in Dutch
/// and French as embedded resources (Resources/messages.nl.json, messages.fr.json: English → translation,
/// with {0}, {1} where a value goes). The one place that writes problem details translates them on
/// the way out, in <see cref="CultureInfo.CurrentUICulture"/>, which <see cref="ApiLanguage"/> chose.
/// </summary>
public static partial class Messages
{
    public static readonly IReadOnlyList<string> Languages = ["nl", "fr"];

    private static readonly Lazy<IReadOnlyDictionary<string, Catalog>> Catalogs = new(Load);

    private static readonly ConcurrentDictionary<Assembly, bool> Seen = new();

    /// <summary>The message in the current UI language; the English itself when that is English or nothing is known.</summary>
    public static string Translate(string english) => Translate(english, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    public static string Translate(string english, string language)
    {
        if (string.IsNullOrEmpty(english) || !Catalogs.Value.TryGetValue(language, out var catalog))
        {
            return english;
        }

        if (catalog.TryTranslate(english, out var translated))
        {
            return translated;
        }

        // Several sentences joined (e.g. ASP.NET Identity's password rules): each on its own.
        var sentences = SentenceEnd().Split(english);
        if (sentences.Length > 1)
        {
            return string.Join(" ", sentences.Select(s => catalog.TryTranslate(s, out var t) ? t : s));
        }

        return english;
    }

    /// <summary>Whether a message has a translation into this language (for the test that none is missing).</summary>
    public static bool IsTranslated(string english, string language) =>
        Catalogs.Value.TryGetValue(language, out var catalog) && catalog.TryTranslate(english, out _);

    /// <summary>
    /// Title, detail and every field message of a problem document, translated in place. The
    /// language is asked of the request again: a problem is often written by the exception
    /// handler, outside the middleware that set the culture.
    /// </summary>
    public static void Translate(ProblemDetails problem, HttpContext context) => Translate(problem, ApiLanguage.Choose(context));

    /// <summary>Title, detail and every field message of a problem document, translated in place into the language.</summary>
    public static void Translate(ProblemDetails problem, string language)
    {
        string? In(string? text) => text is null ? null : Translate(text, language);
        problem.Title = In(problem.Title);
        problem.Detail = In(problem.Detail);
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var field in validation.Errors.Keys.ToList())
            {
                validation.Errors[field] = validation.Errors[field].Select(m => Translate(m, language)).ToArray();
            }
        }
    }

    private static Dictionary<string, Catalog> Load()
    {
        var entries = Languages.ToDictionary(l => l, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name?.StartsWith("LearningNetwork.", StringComparison.Ordinal) == true))
        {
            if (!Seen.TryAdd(assembly, true) || assembly.IsDynamic)
            {
                continue;
            }

            foreach (var language in Languages)
            {
                foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith($".messages.{language}.json", StringComparison.Ordinal)))
                {
                    using var stream = assembly.GetManifestResourceStream(name)!;
                    foreach (var (english, translated) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!)
                    {
                        entries[language][english] = translated;
                    }
                }
            }
        }

        return entries.ToDictionary(e => e.Key, e => new Catalog(e.Value));
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    /// <summary>One language: exact messages, and templates whose {0}, {1} stand for values (translated too when known).</summary>
    private sealed class Catalog
    {
        private readonly Dictionary<string, string> _exact;
        private readonly List<(Regex Pattern, string Translated)> _templates = [];

        public Catalog(Dictionary<string, string> entries)
        {
            _exact = entries;
            foreach (var (english, translated) in entries.Where(e => e.Key.Contains("{0}", StringComparison.Ordinal)))
            {
                var pattern = "^" + Placeholder().Replace(Regex.Escape(english).Replace(@"\{", "{", StringComparison.Ordinal), m => $"(?<p{m.Groups[1].Value}>.+?)") + "$";
                _templates.Add((new Regex(pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)), translated));
            }

            // The most specific template first: "{0} does not exist in {1}: the clocks move forward then." before "{0} does not exist in {1}."
            _templates.Sort((a, b) => b.Pattern.ToString().Length.CompareTo(a.Pattern.ToString().Length));
        }

        public bool TryTranslate(string english, out string translated)
        {
            if (_exact.TryGetValue(english, out translated!) && !english.Contains("{0}", StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var (pattern, template) in _templates)
            {
                var match = pattern.Match(english);
                if (match.Success)
                {
                    translated = Placeholder().Replace(template, m =>
                    {
                        var value = match.Groups["p" + m.Groups[1].Value].Value;
                        return _exact.TryGetValue(value, out var word) ? word : value;
                    });
                    return true;
                }
            }

            translated = english;
            return false;
        }
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
