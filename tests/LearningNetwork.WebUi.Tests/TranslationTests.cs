using System.Text.RegularExpressions;
using LearningNetwork.Host.Ui;
using LearningNetwork.Testing;

namespace LearningNetwork.WebUi.Tests;

/// <summary>Every text the pages show in English has its Dutch and French, so no page falls back to English.</summary>
public sealed partial class TranslationTests
{
    [Fact]
    public void Every_text_on_the_pages_is_translated()
    {
        var host = Path.Combine(Repository.Root, "src", "Host", "LearningNetwork.Host");
        var used = Directory.EnumerateFiles(host, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => UiTextUse().Matches(File.ReadAllText(f)).SelectMany(m => m.Groups["text"].Captures.Select(c => c.Value)))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(used.Count > 100, $"Only {used.Count} texts found: is the pattern still right?");
        var missing = used.Except(UiText.Known, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Not translated:\n" + string.Join("\n", missing));
    }


    [GeneratedRegex("""(?:\bT|\btext)(?:\[\s*|\.Format\(\s*)"(?<text>(?:[^"\\]|\\.)*)"|Translate\("(?<text>[^"]*)"\)|\bT\.Plural\([^,]+,\s*"(?<text>[^"]*)",\s*"(?<text>[^"]*)"\s*[,)]""")]
    private static partial Regex UiTextUse();
}
