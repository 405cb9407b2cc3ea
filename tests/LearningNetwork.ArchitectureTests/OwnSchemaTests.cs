using System.Text.RegularExpressions;

namespace LearningNetwork.ArchitectureTests;

/// <summary>
/// No module reads another's tables (docs/decisions/0001): the SQL a module writes by hand names
/// only its own schema. EF's mapping already keeps LINQ in the module's schema; this reads the
/// source for "schema.table" in SQL text, migrations aside.
/// </summary>
public sealed partial class OwnSchemaTests
{
    private static readonly Dictionary<string, string> SchemaOf = new()
    {
        ["Accounts"] = "accounts",
        ["ClusterManagers"] = "cluster_managers",
        ["Sessions"] = "sessions",
        ["Enrollments"] = "enrollments",
        ["GuidelineDocuments"] = "guideline_documents",
        ["Notifications"] = "notifications",
        ["LearningNetworks"] = "learning_networks",
        ["FundingCalls"] = "funding_calls",
        ["Reports"] = "",
    };

    [Fact]
    public void Every_module_is_listed_with_its_schema()
    {
        var modules = Directory.GetDirectories(Path.Combine(Root(), "src", "Modules")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(modules, SchemaOf.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_modules_sql_names_only_its_own_schema()
    {
        var offending = new List<string>();
        foreach (var (module, own) in SchemaOf)
        {
            var folder = Path.Combine(Root(), "src", "Modules", module);
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(IsSource))
            {
                foreach (var (line, number) in File.ReadLines(file).Select((l, i) => (l, i + 1)))
                {
                    offending.AddRange(TableReference().Matches(line)
                        .Where(m => m.Groups["schema"].Value != own)
                        .Select(m => $"{Path.GetRelativePath(Root(), file)}:{number}: {m.Value}"));
                }
            }
        }

        Assert.Empty(offending);
    }

    [Fact]
    public void The_check_finds_a_table_of_another_schema()
    {
        Assert.Matches(TableReference(), "SELECT id FROM cluster_managers.managers WHERE email = @e");
        Assert.DoesNotMatch(TableReference(), "var count = sessions.Count(s => s.Capacity > 0);");
    }

    private static bool IsSource(string path) =>
        !path.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "LearningNetwork.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (LearningNetwork.sln) was not found.");
    }

    // schema.table in lower case: C# members after a dot start with a capital, SQL tables do not.
    [GeneratedRegex(@"\b(?<schema>accounts|cluster_managers|sessions|enrollments|guideline_documents|notifications|learning_networks|funding_calls)\.[a-z_]+\b")]
    private static partial Regex TableReference();
}
