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
        var others = Implementations.Keys.Where(m => m != module).Select(m => $"LearningNetwork.{m}").ToArray();
        // "LearningNetwork.Accounts" would also match "LearningNetwork.Accounts.Contracts": check per type.
        var offending = Types.InAssembly(Implementations[module]).GetTypes()
            .SelectMany(type => ReferencedTypes(type).Select(reference => (type, reference)))
            .Where(pair => others.Any(other => pair.reference.Namespace?.StartsWith(other, StringComparison.Ordinal) == true
                                              && !pair.reference.Namespace.Contains(".Contracts", StringComparison.Ordinal)))
            .Select(pair => $"{pair.type.FullName} -> {pair.reference.FullName}")
            .Distinct()
            .ToList();

        Assert.Empty(offending);
        Assert.DoesNotContain(Implementations[module].GetReferencedAssemblies(),
            reference => others.Contains(reference.Name));
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
            .Select(n => n["LearningNetwork.".Length..]);

        Assert.Equal(registered.Order(), Implementations.Keys.Order());
    }

    [Fact]
    public void Nothing_reads_the_wall_clock_directly()
    {
        // docs/decisions/0008-time-from-timeprovider.md: time comes from TimeProvider. A reference to DateTime.Now/UtcNow shows up as a member reference.
        // The host too: its pages (Razor views compile into it) take the time from TimeProvider as well.
        var offenders = Implementations.Values.Append(typeof(BuildingBlocks.Persistence.ModuleDbContext).Assembly).Append(typeof(Program).Assembly)
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(method => method.GetMethodBody() is not null)
                .Where(method => CallsWallClock(method))
                .Select(method => $"{type.FullName}.{method.Name}"))
            .ToList();

        Assert.Empty(offenders);
    }

    private static IEnumerable<Type> ReferencedTypes(Type type) =>
        type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.FieldType)
            .Concat(type.GetProperties(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Select(p => p.PropertyType))
            .Concat(type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
            .Concat(type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Concat(type.GetInterfaces())
            .SelectMany(Unwrap);

    private static IEnumerable<Type> Unwrap(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Append(type) : [type.IsArray ? type.GetElementType()! : type];

    private static bool CallsWallClock(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray() ?? [];
        var module = method.Module;
        for (var i = 0; i + 4 < il.Length; i++)
        {
            // call (0x28) / callvirt (0x6F) followed by a metadata token.
            if (il[i] is not (0x28 or 0x6F))
            {
                continue;
            }

            try
            {
                var token = BitConverter.ToInt32(il, i + 1);
                var called = module.ResolveMethod(token);
                if (called?.DeclaringType is { } declaring
                    && (declaring == typeof(DateTime) || declaring == typeof(DateTimeOffset))
                    && called.Name is "get_Now" or "get_UtcNow" or "get_Today")
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                // Not a method token at this offset: byte patterns inside other operands.
            }
        }

        return false;
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;
}
