using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LearningNetwork.Host.Ui;
using LearningNetwork.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// Every text the pages show in English has its Dutch and French in the UI's resource files
/// (Resources/Ui/UiText.resx, UiText.nl.resx, UiText.fr.resx), so no page falls back to English,
/// and the host reads those files in the page's language.
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly string Host = Path.Combine(Repository.Root, "src", "Host", "LearningNetwork.Host");

    [Fact]
    public void Every_text_on_the_pages_is_translated()
    {
        var used = Directory.EnumerateFiles(Host, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => UiTextUse().Matches(File.ReadAllText(f)).SelectMany(m => m.Groups["text"].Captures.Select(c => c.Value)))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(used.Count > 100, $"Only {used.Count} texts found: is the pattern still right?");

        var english = Resources(string.Empty);
        var dutch = Resources(".nl");
        var french = Resources(".fr");
        var missing = used
            .SelectMany(text => new[]
            {
                english.ContainsKey(text) ? null : $"UiText.resx: {text}",
                string.IsNullOrWhiteSpace(dutch.GetValueOrDefault(text)) ? $"UiText.nl.resx: {text}" : null,
                string.IsNullOrWhiteSpace(french.GetValueOrDefault(text)) ? $"UiText.fr.resx: {text}" : null,
            })
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, "Not translated:\n" + string.Join("\n", missing));
    }

    /// <summary>A translation with other placeholders than its English ("{0} days" as "{1} jours") would fail the page that formats it.</summary>
    [Fact]
    public void Every_translation_has_the_placeholders_of_its_english_text()
    {
        var english = Resources(string.Empty);
        var wrong = new[] { ".nl", ".fr" }
            .SelectMany(language => Resources(language).Select(r => (Language: language, r.Key, r.Value)))
            .Where(r => !english.ContainsKey(r.Key) || !Placeholders(r.Key).SetEquals(Placeholders(r.Value)))
            .Select(r => $"UiText{r.Language}.resx: {r.Key} => {r.Value}")
            .ToList();
        Assert.True(wrong.Count == 0, "Translations with other placeholders than the English text, or of no English text:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("nl-BE", "Aanmelden")]
    [InlineData("fr-BE", "Se connecter")]
    [InlineData("en-GB", "Sign in")]
    public void The_host_reads_the_texts_in_the_page_language(string culture, string expected)
    {
        using var services = new ServiceCollection()
            .AddWebUi(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        var text = services.GetRequiredService<UiText>();
        var page = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, text["Sign in"]);
            Assert.Equal("A text no resource has", text["A text no resource has"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = page;
        }
    }

    private static Dictionary<string, string> Resources(string language) =>
        XDocument.Load(Path.Combine(Host, "Resources", "Ui", $"UiText{language}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("""(?:\bT|\btext)(?:\[\s*|\.Format\(\s*|\.In\([^,]+,\s*)"(?<text>(?:[^"\\]|\\.)*)"|Translate\("(?<text>[^"]*)"\)|\bT\.Plural\([^,]+,\s*"(?<text>[^"]*)",\s*"(?<text>[^"]*)"\s*[,)]""")]
    private static partial Regex UiTextUse();

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
