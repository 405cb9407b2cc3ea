using System.Text.RegularExpressions;

namespace LearningNetwork.ArchitectureTests;

/// <summary>
/// No module reads another's tables (docs/decisions/0001): the SQL a module writes by hand names
/// only its own schema. EF's mapping already keeps LINQ in the module's schema; this reads every
/// string literal the compiled module loads (raw SQL, interpolated SQL's literal parts, constants,
/// migrations included) for "schema.table" of another module's schema. The host and the building
/// blocks name no module's schema at all.
/// </summary>
public sealed class OwnSchemaTests
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

    /// <summary>
    /// schema.table in lower case, each part optionally quoted. C# members after a dot start with a
    /// capital, SQL tables do not; a schema right after a letter, a dot or a slash is part of a
    /// longer name or a path ("/api/sessions/{id}/enrollments.csv"), and a file extension is no table.
    /// </summary>
    private static readonly Regex TableReference = new(
        $@"(?<![\w./-])""?(?<schema>{string.Join('|', SchemaOf.Values.Where(schema => schema.Length > 0))})""?\.(?!(csv|ics|json|pdf|xlsx)\b)""?[a-z_]+",
        RegexOptions.CultureInvariant);

    public static TheoryData<string> Modules => ModuleBoundaryTests.Modules;

    [Fact]
    public void Every_module_is_listed_with_its_schema()
    {
        var modules = Directory.GetDirectories(Path.Combine(Repository.Root(), "src", "Modules")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(modules, SchemaOf.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_modules_sql_names_only_its_own_schema(string module)
    {
        Il.AssertNone(OtherSchemas(Il.TypesOf(ModuleBoundaryTests.Implementations[module]), SchemaOf[module]));
    }

    [Fact]
    public void The_host_and_the_building_blocks_name_no_modules_schema()
    {
        Il.AssertNone(OtherSchemas(Il.TypesOf(typeof(Program).Assembly), own: ""));
        Il.AssertNone(OtherSchemas(Il.TypesOf(typeof(BuildingBlocks.Persistence.ModuleDbContext).Assembly), own: ""));
    }

    [Fact]
    public void The_check_finds_a_table_of_another_schema_plain_or_quoted_and_passes_its_own()
    {
        var found = OtherSchemas(Il.TypesOf(typeof(Fixtures.QueriesAnotherSchema)), own: "sessions");

        Assert.Equal(
            [
                "LearningNetwork.ArchitectureTests.Fixtures.QueriesAnotherSchema.ByEmail: cluster_managers.managers",
                "LearningNetwork.ArchitectureTests.Fixtures.QueriesAnotherSchema.Quoted: \"enrollments\".\"enrollments",
            ],
            found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_check_reads_the_sql_compiled_into_a_module()
    {
        // Not vacuous: the SQL Enrollments writes by hand for its seat counts is among what is read.
        var literals = Il.TypesOf(ModuleBoundaryTests.Implementations["Enrollments"]).SelectMany(Il.StringLiterals).Select(l => l.Literal);

        Assert.Contains(literals, literal => TableReference.Match(literal).Value == "enrollments.session_seats");
    }

    /// <summary>"Where: schema.table" for each reference, in a string literal, to a module schema other than <paramref name="own"/>.</summary>
    private static List<string> OtherSchemas(IEnumerable<Mono.Cecil.TypeDefinition> types, string own) =>
        types.SelectMany(Il.StringLiterals)
            .SelectMany(literal => TableReference.Matches(literal.Literal)
                .Where(match => match.Groups["schema"].Value != own)
                .Select(match => $"{literal.Where}: {match.Value}"))
            .Distinct()
            .ToList();
}
