using System.Text.RegularExpressions;

namespace LearningNetwork.ArchitectureTests;

/// <summary>
/// docs/decisions/0025-a-strict-build-with-scoped-suppressions.md, enforced: a rule is switched
/// off only with its reason beside it, in .editorconfig, a [SuppressMessage] or a #pragma, and
/// never wholesale in the MSBuild files.
/// </summary>
public sealed partial class BuildRulesTests
{
    /// <summary>What the build may switch off in MSBuild: comments without a documentation file entry (see Directory.Build.props).</summary>
    private static readonly string[] AllowedNoWarn = ["CS1591", "CS1573"];

    [Fact]
    public void Every_rule_an_editorconfig_switches_off_is_named_in_the_comment_above_it()
    {
        var files = Directory.EnumerateFiles(Repository.Root(), ".editorconfig", SearchOption.AllDirectories)
            .Where(Repository.IsSource)
            .ToList();

        Assert.Contains(files, file => Path.GetDirectoryName(file) == Repository.Root());
        Il.AssertNone([.. files.SelectMany(file => UnexplainedSwitches(File.ReadAllLines(file)).Select(rule => $"{Repository.Relative(file)}: {rule}"))]);
    }

    [Fact]
    public void Every_suppression_in_the_code_gives_its_reason()
    {
        var files = Directory.EnumerateFiles(Repository.Root(), "*.cs", SearchOption.AllDirectories)
            .Where(Repository.IsSource)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        Il.AssertNone([.. files.SelectMany(file => UnexplainedSuppressions(File.ReadAllLines(file)).Select(line => $"{Repository.Relative(file)}: {line}"))]);
    }

    [Fact]
    public void The_msbuild_files_switch_off_no_analyzer_rule()
    {
        var switchedOff = Directory.EnumerateFiles(Repository.Root(), "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".props", StringComparison.Ordinal) || file.EndsWith(".targets", StringComparison.Ordinal) || file.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(Repository.IsSource)
            .SelectMany(file => SwitchedOffInMsBuild(File.ReadAllText(file)).Select(code => $"{Repository.Relative(file)}: {code}"))
            .ToList();

        Il.AssertNone(switchedOff);
    }

    [Fact]
    public void The_checks_find_a_switch_or_a_suppression_without_its_reason()
    {
        Assert.Equal(["CA1707", "CA1848"], UnexplainedSwitches(
        [
            "[*.cs]",
            "# CA1861: test arrays are the specification.",
            "dotnet_diagnostic.CA1861.severity = none",
            "dotnet_diagnostic.CA1707.severity = none",
            "",
            "dotnet_diagnostic.CA1848.severity = silent",
            "dotnet_diagnostic.CA1305.severity = warning",
        ]));

        Assert.Equal(
            ["#pragma warning disable CA1822", "[SuppressMessage(\"Performance\", \"CA1822\")]"],
            UnexplainedSuppressions(
            [
                "#pragma warning disable CA1822",
                "// Translated to SQL, run by PostgreSQL.",
                "#pragma warning disable CA1304",
                "#pragma warning disable EF1002 // the schema is our own",
                "[SuppressMessage(\"Performance\", \"CA1822\")]",
                "[SuppressMessage(\"Performance\", \"CA1822\", Justification = \"Called on the instance.\")]",
            ]));

        Assert.Equal(["CA1515"], SwitchedOffInMsBuild("<NoWarn>$(NoWarn);CA1515;CS1591</NoWarn>"));
    }

    /// <summary>The codes a NoWarn switches off beyond the allowed ones.</summary>
    private static List<string> SwitchedOffInMsBuild(string msbuild) =>
        [.. NoWarn().Matches(msbuild)
            .SelectMany(match => match.Groups["codes"].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(code => code != "$(NoWarn)" && !AllowedNoWarn.Contains(code))];

    /// <summary>Rules set to none, silent or suggestion with no comment naming them in the comment block above.</summary>
    private static List<string> UnexplainedSwitches(string[] lines)
    {
        var unexplained = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (SwitchOff().Match(lines[i]) is not { Success: true } switchOff)
            {
                continue;
            }

            var rule = switchOff.Groups["rule"].Value;
            var above = lines.Take(i).Reverse().TakeWhile(line => line.StartsWith('#') || line.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal));
            if (!above.Any(line => line.StartsWith('#') && line.Contains(rule, StringComparison.Ordinal)))
            {
                unexplained.Add(rule);
            }
        }

        return unexplained;
    }

    /// <summary>#pragma warning disable without a comment on its line or just above, [SuppressMessage] without a Justification.</summary>
    private static List<string> UnexplainedSuppressions(string[] lines) =>
        [.. lines.Select((line, i) => (line: line.Trim(), above: i > 0 ? lines[i - 1].Trim() : ""))
            .Where(l => (l.line.StartsWith("#pragma warning disable", StringComparison.Ordinal) && !l.line.Contains("//", StringComparison.Ordinal) && !l.above.StartsWith("//", StringComparison.Ordinal))
                        || (SuppressMessage().IsMatch(l.line) && !l.line.Contains("Justification", StringComparison.Ordinal)))
            .Select(l => l.line)];

    [GeneratedRegex(@"^dotnet_diagnostic\.(?<rule>\w+)\.severity\s*=\s*(none|silent|suggestion)\b")]
    private static partial Regex SwitchOff();

    [GeneratedRegex(@"^\[(assembly:\s*)?(System\.Diagnostics\.CodeAnalysis\.)?SuppressMessage\(")]
    private static partial Regex SuppressMessage();

    [GeneratedRegex(@"<NoWarn>(?<codes>[^<]*)</NoWarn>")]
    private static partial Regex NoWarn();
}
