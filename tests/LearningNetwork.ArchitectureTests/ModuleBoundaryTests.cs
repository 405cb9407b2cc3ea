using System.Reflection;
using LearningNetwork.Accounts;
using LearningNetwork.Sessions;
using MediatR;
using NetArchTest.Rules;

namespace LearningNetwork.ArchitectureTests;

/// <summary>docs/decisions/0001-modular-monolith-with-a-schema-per-module.md, enforced: modules meet only through Contracts, and hide the rest.</summary>
public sealed class ModuleBoundaryTests
{
    /// <summary>Every module: its implementation assembly and the namespace root it owns.</summary>
    public static readonly TheoryData<string> Modules = new() { "Sessions", "Accounts", "ClusterManagers", "Notifications", "Enrollments", "GuidelineDocuments", "LearningNetworks", "Reports", "FundingCalls" };

    internal static readonly Dictionary<string, Assembly> Implementations = new()
    {
        ["Sessions"] = typeof(SessionsModule).Assembly,
        ["Accounts"] = typeof(AccountsModule).Assembly,
        ["ClusterManagers"] = typeof(ClusterManagers.ClusterManagersModule).Assembly,
        ["Notifications"] = typeof(Notifications.NotificationsModule).Assembly,
        ["Enrollments"] = typeof(Enrollments.EnrollmentsModule).Assembly,
        ["GuidelineDocuments"] = typeof(GuidelineDocuments.GuidelineDocumentsModule).Assembly,
        ["LearningNetworks"] = typeof(LearningNetworks.LearningNetworksModule).Assembly,
        ["Reports"] = typeof(Reports.ReportsModule).Assembly,
        ["FundingCalls"] = typeof(FundingCalls.FundingCallsModule).Assembly,
    };

    /// <summary>The typed client of the HTTP API, which the web UI and the HTTP tests share.</summary>
    private static readonly Assembly TypedClient = typeof(ApiClient.LearningNetworkApi).Assembly;

    private static readonly Dictionary<string, Assembly> ContractAssemblies = new()
    {
        ["Sessions"] = typeof(Sessions.Contracts.SessionPublished).Assembly,
        ["Accounts"] = typeof(Accounts.Contracts.FindAccountsByEmail).Assembly,
        ["ClusterManagers"] = typeof(ClusterManagers.Contracts.ClusterManagerCreated).Assembly,
        ["Notifications"] = typeof(Notifications.Contracts.EmailKind).Assembly,
        ["Enrollments"] = typeof(Enrollments.Contracts.EnrollmentConfirmed).Assembly,
        ["GuidelineDocuments"] = typeof(GuidelineDocuments.Contracts.GuidelineUpdated).Assembly,
        ["LearningNetworks"] = typeof(LearningNetworks.Contracts.LearningNetworkMembersJoined).Assembly,
        ["Reports"] = typeof(Reports.Contracts.ReportsModuleInfo).Assembly,
        ["FundingCalls"] = typeof(FundingCalls.Contracts.FundingCallPublished).Assembly,
    };

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_does_not_reference_another_modules_implementation(string module)
    {
        // Signatures and method bodies alike: a call inside a method is as much a dependency as a parameter.
        var others = Implementations.Where(m => m.Key != module).Select(m => m.Value).ToArray();

        Il.AssertNone(Uses(Il.TypesOf(Implementations[module]), others));
        Assert.DoesNotContain(Implementations[module].GetReferencedAssemblies(),
            reference => others.Any(other => other.GetName().Name == reference.Name));
    }

    [Fact]
    public void The_check_finds_another_modules_implementation_called_inside_a_method_body()
    {
        var others = Implementations.Where(m => m.Key != "Accounts").Select(m => m.Value).ToArray();

        var found = Uses(Il.TypesOf(typeof(Fixtures.CallsAnotherModuleInsideAMethod)), others);

        Assert.Equal(["LearningNetwork.ArchitectureTests.Fixtures.CallsAnotherModuleInsideAMethod.Register -> LearningNetwork.Sessions.SessionsModule"], found);
        // Its signature names no module: only the body gives it away.
        Assert.DoesNotContain(typeof(Fixtures.CallsAnotherModuleInsideAMethod).GetMethods().SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)),
            type => type.Assembly == typeof(SessionsModule).Assembly);
        Il.AssertNone(Uses(Il.TypesOf(typeof(Fixtures.AsksAnotherModuleThroughItsContracts)), others));
    }

    [Fact]
    public void The_host_uses_a_module_only_through_its_registration_class_and_its_contracts()
    {
        var offending = Uses(Il.TypesOf(typeof(Program).Assembly), Implementations.Values.ToArray())
            .Where(use => !Implementations.Keys.Any(module => use.EndsWith($" -> LearningNetwork.{module}.{module}Module", StringComparison.Ordinal)))
            .ToList();

        Il.AssertNone(offending);
    }

    [Fact]
    public void The_check_sees_the_host_register_each_module()
    {
        // Not vacuous: the registration calls the host makes in its method bodies are found.
        var uses = Uses(Il.TypesOf(typeof(Program).Assembly), Implementations.Values.ToArray());

        Assert.All(Implementations.Keys, module => Assert.Contains(uses, use => use.EndsWith($" -> LearningNetwork.{module}.{module}Module", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_building_blocks_know_no_module()
    {
        var modules = Implementations.Values.Concat(ContractAssemblies.Values).ToArray();

        Il.AssertNone(Uses(Il.TypesOf(typeof(BuildingBlocks.Persistence.ModuleDbContext).Assembly), modules));
        Il.AssertNone(Uses(Il.TypesOf(typeof(BuildingBlocks.Contracts.IntegrationEvent).Assembly), modules));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Contracts_depend_on_no_implementation(string module)
    {
        var result = Types.InAssembly(ContractAssemblies[module])
            .ShouldNot().HaveDependencyOnAny(Implementations.Keys.Select(m => $"LearningNetwork.{m}.Domain").Concat(
                Implementations.Keys.Select(m => $"LearningNetwork.{m}.Features")).Concat(
                Implementations.Keys.Select(m => $"LearningNetwork.{m}.Persistence")).ToArray())
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
        Assert.DoesNotContain(ContractAssemblies[module].GetReferencedAssemblies(), r => r.Name == "Microsoft.EntityFrameworkCore");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Only_the_module_registration_class_is_public_in_an_implementation(string module)
    {
        var publicTypes = Implementations[module].GetExportedTypes()
            .Where(t => !t.Namespace!.Contains(".Migrations", StringComparison.Ordinal))
            .Where(t => t.Name != $"{module}Module")
            // Small records nested in request bodies must be public for System.Text.Json source-less binding.
            .Where(t => !(t.Namespace!.EndsWith(".Features.Shared", StringComparison.Ordinal) && t.IsSealed && IsRecord(t)))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(publicTypes);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Implementation_classes_are_sealed_or_static(string module)
    {
        var open = Implementations[module].GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !t.IsNested)
            .Where(t => !t.Name.StartsWith('<'))
            .Where(t => !t.Namespace!.Contains(".Migrations", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(open);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Request_handlers_are_named_after_what_they_handle(string module)
    {
        var badlyNamed = Implementations[module].GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            .Where(t => !t.Name.EndsWith("Handler", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(badlyNamed);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Requests_live_in_feature_folders(string module)
    {
        var misplaced = Implementations[module].GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
            .Where(t => !t.Namespace!.Contains(".Features.", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(misplaced);
    }

    [Fact]
    public void Every_module_is_covered_by_these_rules()
    {
        var registered = typeof(Program).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("LearningNetwork.", StringComparison.Ordinal) && !n.Contains("BuildingBlocks", StringComparison.Ordinal))
            .Where(n => !n.EndsWith(".Contracts", StringComparison.Ordinal)) // the host's reports ask modules through their contracts
            .Where(n => n != TypedClient.GetName().Name) // the pages' typed client of the API, no module
            .Select(n => n["LearningNetwork.".Length..]);

        Assert.Equal(registered.Order(), Implementations.Keys.Order());
    }

    [Fact]
    public void The_api_client_knows_the_modules_only_by_their_contracts_and_nothing_of_aspnet_core()
    {
        // The UI and the tests share it (docs/decisions/0035-one-typed-api-client-for-the-ui-and-the-tests.md):
        // it speaks HTTP to the API as any outside client would, or hands a Contracts request to the
        // host's sender (docs/decisions/0036-pages-send-the-use-cases-in-process.md).
        Il.AssertNone(Uses(Il.TypesOf(TypedClient), Implementations.Values.Append(typeof(Program).Assembly).ToArray()));
        var references = TypedClient.GetReferencedAssemblies().Select(r => r.Name!).ToList();
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var contracts = ContractAssemblies.Values.Append(typeof(BuildingBlocks.Contracts.PagedResult<>).Assembly).Select(a => a.GetName().Name);
        Assert.All(references.Where(name => name.StartsWith("LearningNetwork.", StringComparison.Ordinal)), name => Assert.Contains(name, contracts));
        // Not vacuous: the client's answers do name the modules' enums.
        Assert.Contains(references, name => name == typeof(Sessions.Contracts.SessionState).Assembly.GetName().Name);
    }

    [Fact]
    public void Nothing_reads_the_wall_clock_directly()
    {
        // docs/decisions/0008-time-from-timeprovider.md: time comes from TimeProvider. Every assembly of
        // the product: modules, their contracts, the building blocks, the host (its pages and Razor views) and the API client.
        var offenders = Implementations.Values.Concat(ContractAssemblies.Values)
            .Append(typeof(BuildingBlocks.Persistence.ModuleDbContext).Assembly)
            .Append(typeof(BuildingBlocks.Contracts.IntegrationEvent).Assembly)
            .Append(typeof(Program).Assembly)
            .Append(TypedClient)
            .SelectMany(assembly => WallClockReads(Il.TypesOf(assembly)))
            .ToList();

        Il.AssertNone(offenders);
    }

    [Fact]
    public void The_check_finds_the_wall_clock_read_in_a_method_and_in_an_async_method()
    {
        var found = WallClockReads(Il.TypesOf(typeof(Fixtures.ReadsTheWallClock)));

        Assert.Contains("LearningNetwork.ArchitectureTests.Fixtures.ReadsTheWallClock.Now -> System.DateTime.get_UtcNow", found);
        Assert.Contains(found, read => read.EndsWith(".MoveNext -> System.DateTimeOffset.get_Now", StringComparison.Ordinal));
        Assert.Contains("LearningNetwork.ArchitectureTests.Fixtures.ReadsTheWallClock.Today -> System.DateTime.get_Today", found);
        Assert.Empty(WallClockReads(Il.TypesOf(typeof(Fixtures.AsksTheClock))));
    }

    /// <summary>"Where -> used type" for each use, in signatures or method bodies, of a type defined in one of the given assemblies.</summary>
    private static List<string> Uses(IEnumerable<Mono.Cecil.TypeDefinition> types, Assembly[] forbidden)
    {
        var names = forbidden.Select(a => a.GetName().Name).ToHashSet(StringComparer.Ordinal);
        return types
            .SelectMany(type => Il.UsedTypes(type).SelectMany(use => Il.Unwrap(use.Used).Select(used => (use.Where, used))))
            .Where(use => use.used.Scope is Mono.Cecil.AssemblyNameReference assembly && names.Contains(assembly.Name))
            .Select(use => $"{use.Where} -> {use.used.FullName.Replace('/', '+')}")
            .Distinct()
            .ToList();
    }

    private static List<string> WallClockReads(IEnumerable<Mono.Cecil.TypeDefinition> types) =>
        types.SelectMany(Il.Calls)
            .Where(call => call.Called.DeclaringType.FullName is "System.DateTime" or "System.DateTimeOffset"
                           && call.Called.Name is "get_Now" or "get_UtcNow" or "get_Today")
            .Select(call => $"{call.Where} -> {call.Called.DeclaringType.FullName}.{call.Called.Name}")
            .Distinct()
            .ToList();

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;
}
