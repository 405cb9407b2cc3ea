using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using LearningNetwork.BuildingBlocks.Localization;
using LearningNetwork.Testing;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// Every message the API can give (FluentValidation's WithMessage, the domain's refusals, the CSV
/// import's line errors, problem titles and details) has its Dutch and French, so a Dutch or French
/// page never shows an English error. The messages are read from the modules' source, where they
/// are written in English; a value spliced in ($"...{x}...") is a {0} in the resources.
/// </summary>
public sealed partial class ApiMessageTranslationTests
{
    [Fact]
    public void Every_validation_and_rule_message_of_the_API_has_its_Dutch_and_French()
    {
        LoadModules();
        var messages = SourceMessages();
        Assert.True(messages.Count > 150, $"Only {messages.Count} messages found: is the pattern still right?");
        var missing = messages
            .SelectMany(m => Messages.Languages.Where(l => !Messages.IsTranslated(Example(m), l)).Select(l => $"{l}: {m}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Not translated:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void A_translated_message_keeps_its_values()
    {
        LoadModules();
        Assert.Equal("Sessie 'abc' is niet gevonden.", Messages.Translate("Session 'abc' was not found.", "nl"));
        Assert.Equal("2027-03-28T02:30 n'existe pas dans Europe/Brussels : on avance alors les horloges.",
            Messages.Translate("2027-03-28T02:30 does not exist in Europe/Brussels: the clocks move forward then.", "fr"));
        Assert.Equal("Something nobody wrote down.", Messages.Translate("Something nobody wrote down.", "nl"));
    }

    /// <summary>A message as the API would give it: each {0} filled with a value.</summary>
    private static string Example(string template) => Placeholder().Replace(template, "x1");

    /// <summary>The test process loads assemblies on first use; the catalogs are in the modules' assemblies.</summary>
    private static void LoadModules()
    {
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "LearningNetwork.*.dll"))
        {
            Assembly.Load(AssemblyName.GetAssemblyName(file));
        }
    }

    private static HashSet<string> SourceMessages()
    {
        var roots = new[] { Path.Combine(Repository.Root, "src", "Modules"), Path.Combine(Repository.Root, "src", "Shared") };
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in roots.SelectMany(r => Directory.EnumerateFiles(r, "*.cs", SearchOption.AllDirectories)))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var source = File.ReadAllText(file);
            foreach (Match match in MessageStart().Matches(source))
            {
                if (ReadString(source, match.Index + match.Length) is { Length: > 0 } message)
                {
                    found.Add(message);
                }
            }
        }

        return found;
    }

    /// <summary>One string expression (literals, interpolated or not, joined with +) as a template with {0}, {1}.</summary>
    private static string? ReadString(string s, int i)
    {
        var text = new StringBuilder();
        var placeholders = 0;
        while (true)
        {
            var interpolated = s[i] == '$';
            i += interpolated ? 1 : 0;
            if (s[i] != '"')
            {
                return text.Length > 0 ? text.ToString() : null;
            }

            for (i++; s[i] != '"'; i++)
            {
                if (s[i] == '\\')
                {
                    text.Append(s[++i] == 'n' ? '\n' : s[i]);
                }
                else if (interpolated && s[i] == '{' && s[i + 1] == '{')
                {
                    text.Append('{');
                    i++;
                }
                else if (interpolated && s[i] == '{')
                {
                    for (var depth = 1; depth > 0;)
                    {
                        i++;
                        if (s[i] == '"')
                        {
                            for (i++; s[i] != '"'; i += s[i] == '\\' ? 2 : 1)
                            {
                            }
                        }
                        else
                        {
                            depth += s[i] == '{' ? 1 : s[i] == '}' ? -1 : 0;
                        }
                    }

                    text.Append('{').Append(placeholders++).Append('}');
                }
                else if (interpolated && s[i] == '}' && s[i + 1] == '}')
                {
                    text.Append('}');
                    i++;
                }
                else
                {
                    text.Append(s[i]);
                }
            }

            var plus = PlusNext().Match(s, i + 1);
            if (!plus.Success)
            {
                return text.ToString();
            }

            i = plus.Index + plus.Length;
        }
    }

    /// <summary>Where a message starts: the places the API's messages are written.</summary>
    [GeneratedRegex("""\.WithMessage\(\s*|new\s+(?:Conflict|Forbidden|UnsupportedContent|ContentTooLarge)Exception\(\s*|new\s+InvalidFieldException\(\s*(?:"(?:[^"\\]|\\.)*"|\$"[^"]*"|[A-Za-z_.()]+)\s*,\s*|\b(?:detail|title):\s*|new ImportError\([^,]+,\s*[^,]+,\s*|\bnew\(\s*"[\w.]+"\s*,\s*|const string InvalidLink = |return \(\[\], \[\], |\? "The email is missing\." : """)]
    private static partial Regex MessageStart();

    [GeneratedRegex("""\G\s*\+\s*(?=[$"])""")]
    private static partial Regex PlusNext();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
