using System.Globalization;
using Microsoft.Extensions.Localization;

namespace LearningNetwork.Host.Ui;

/// <summary>
/// The UI's words in Dutch, English and French. Pages write the English text as the key
/// (<c>@T["Sign in"]</c>), so a page reads naturally and a missing translation shows English
/// rather than a code. The texts are resources read through <see cref="IStringLocalizer"/>:
/// <c>Resources/Ui/UiText.resx</c> (English), <c>UiText.nl.resx</c> and <c>UiText.fr.resx</c>,
/// in the page's culture (<see cref="UiCulture"/>).
/// </summary>
public sealed class UiText(IStringLocalizer<UiText> localizer)
{
    public string this[string english] => Translate(english);

    public string Format(string english, params object[] values) => string.Format(CultureInfo.CurrentCulture, Translate(english), values);

    public string LanguageName(string language) => language switch
    {
        "nl" => "Nederlands",
        "en" => "English",
        "fr" => "Français",
        _ => language,
    };

    public string RatingName(int rating) => rating switch
    {
        5 => Translate("excellent"),
        4 => Translate("good"),
        3 => Translate("fair"),
        2 => Translate("poor"),
        _ => Translate("bad"),
    };

    /// <summary>
    /// "1 document", "2 documents": the English singular and plural are both keys with their own
    /// translations; French uses the singular for 0 and 1, Dutch and English for 1 only.
    /// </summary>
    public string Plural(long count, string englishOne, string englishOther, params object[] more)
    {
        var one = UiCulture.Language == "fr" ? count is 0 or 1 : count == 1;
        return Format(one ? englishOne : englishOther, [count, .. more]);
    }

    /// <summary>A code the API answers with ("LearningNetworkMeeting") as people read it, in the page's language.</summary>
    public string Label(Vocabulary vocabulary, string? code)
    {
        var known = UiLabels.Codes[vocabulary].FirstOrDefault(c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase));
        // A code the UI does not know yet (a test keeps this from happening): shown as it is rather than hidden.
        return known is null ? code ?? string.Empty : Translate(UiLabels.Key(vocabulary, known));
    }

    /// <summary>A code the API answers with as one of the modules' enums (EnrollmentStatus.Waitlisted), as people read it.</summary>
    public string Label<TCode>(Vocabulary vocabulary, TCode code)
        where TCode : struct, Enum => Label(vocabulary, code.ToString());

    /// <summary>The codes of a vocabulary with their labels, in a sensible order for a choice list.</summary>
    public IEnumerable<(string Code, string Label)> Choices(Vocabulary vocabulary, params string[] only) =>
        UiLabels.Codes[vocabulary]
            .Where(c => only.Length == 0 || only.Contains(c, StringComparer.Ordinal))
            .Select(c => (c, Label(vocabulary, c)));

    /// <summary>Every code each vocabulary has a label for (for the test that the API's codes are all covered).</summary>
    public static IReadOnlyDictionary<Vocabulary, IReadOnlyList<string>> LabelledCodes => UiLabels.Codes;

    /// <summary>The resource key of a code's label ("SessionKind.Training"), as in the resource files.</summary>
    public static string LabelKey(Vocabulary vocabulary, string code) => UiLabels.Key(vocabulary, code);

    /// <summary>A text in a given language rather than the page's (a confirmation in the language just chosen).</summary>
    public string In(string language, string english)
    {
        var page = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = UiCulture.Of(language);
        try
        {
            return Translate(english);
        }
        finally
        {
            CultureInfo.CurrentUICulture = page;
        }
    }

    /// <summary>The resource of the page's language; the English text itself when it has none.</summary>
    private string Translate(string english) => localizer[english].Value;
}
