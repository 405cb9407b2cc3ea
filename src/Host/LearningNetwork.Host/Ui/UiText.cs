using System.Globalization;

namespace LearningNetwork.Host.Ui;

/// <summary>
/// The UI's words in Dutch, English and French. Pages write the English text as the key
/// (<c>@T["Sign in"]</c>), so a page reads naturally and a missing translation shows English
/// rather than a code; <see cref="UiTextTranslations"/> holds the other two languages.
/// </summary>
public sealed class UiText
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

    /// <summary>Every English text the translations cover (for the test that none is missing).</summary>
    public static IEnumerable<string> Known => UiTextTranslations.All.Keys;

    private static string Translate(string english) =>
        UiCulture.Language switch
        {
            "nl" when UiTextTranslations.All.TryGetValue(english, out var text) => text.Dutch,
            "fr" when UiTextTranslations.All.TryGetValue(english, out var text) => text.French,
            _ => english,
        };
}
