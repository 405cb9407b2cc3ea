using System.Reflection;
using System.Runtime.CompilerServices;
using MediatR;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ArchitectureTests;

/// <summary>
/// docs/decisions/0007-one-use-case-one-folder-one-request-one-handler.md, enforced: one use case
/// is one folder <c>Features/&lt;UseCase&gt;/</c> with one handler <c>&lt;UseCase&gt;Handler</c> for
/// one message, and its HTTP endpoint, if any, in <c>&lt;UseCase&gt;Endpoint</c> beside it.
/// </summary>
public sealed class SliceConventionTests
{
    /// <summary>Folders under Features that are not use cases: code several use cases share, and demo data.</summary>
    private static readonly string[] NotUseCases = ["Shared", "DemoData"];

    /// <summary>
    /// Types whose full name is stored outside the code, so moving them breaks what is stored:
    /// Hangfire keeps a job's type by name, and reminder jobs are scheduled weeks ahead.
    /// </summary>
    private static readonly string[] StoredTypeNames = ["LearningNetwork.Notifications.Features.Reminders.ReminderJobs"];

    private static readonly Type[] HandlerInterfaces = [typeof(IRequestHandler<,>), typeof(IRequestHandler<>), typeof(INotificationHandler<>)];

    public static TheoryData<string> Modules => ModuleBoundaryTests.Modules;

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_handler_handles_exactly_one_message(string module)
    {
        var offenders = Handlers(module)
            .Select(handler => (handler, messages: Messages(handler)))
            .Where(x => x.messages.Count != 1)
            .Select(x => $"{x.handler.FullName} handles {string.Join(", ", x.messages.Select(m => m.Name))}")
            .ToList();

        Assert.True(offenders.Count == 0, "Split these into one handler class per message:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_use_case_folder_holds_its_handler(string module)
    {
        var features = FeaturesNamespace(module);
        var types = ModuleTypes(module).ToList();
        var offenders = types
            .Select(t => t.Namespace!)
            .Where(ns => ns == features || ns.StartsWith(features + ".", StringComparison.Ordinal))
            .Distinct()
            .Select(ns => ns == features ? "" : ns[(features.Length + 1)..])
            .Where(folder => !NotUseCases.Contains(folder.Split('.')[0]))
            .Where(folder => folder.Length == 0 || folder.Contains('.')
                             || !types.Any(t => t.Namespace == $"{features}.{folder}" && t.Name == $"{folder}Handler"))
            .Select(folder => folder.Length == 0 ? $"{features} (types directly under Features)" : $"{features}.{folder} (no {folder.Split('.')[^1]}Handler)")
            .Order()
            .ToList();

        Assert.True(offenders.Count == 0, "Each folder under Features is one use case with its handler:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_handler_lives_in_the_folder_named_after_it(string module)
    {
        var features = FeaturesNamespace(module);
        var offenders = Handlers(module)
            .Where(h => !h.Name.EndsWith("Handler", StringComparison.Ordinal)
                        || h.Namespace != $"{features}.{h.Name[..^"Handler".Length]}"
                        || NotUseCases.Contains(h.Name[..^"Handler".Length]))
            .Select(h => $"{h.FullName} (expected {features}.<UseCase>.<UseCase>Handler)")
            .ToList();

        Assert.True(offenders.Count == 0, "Move these handlers into the folder of their use case:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_request_handler_is_named_after_its_request(string module)
    {
        // A reaction to an event is named after what it does; a request names its use case.
        var offenders = Handlers(module)
            .Select(h => (handler: h, requests: Messages(h).Where(m => !typeof(INotification).IsAssignableFrom(m)).ToList()))
            .Where(x => x.requests.Count == 1 && x.handler.Name != $"{x.requests[0].Name}Handler")
            .Select(x => $"{x.handler.FullName} answers {x.requests[0].FullName}")
            .ToList();

        Assert.True(offenders.Count == 0, "Name each request handler <Request>Handler:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void An_endpoint_class_is_named_after_its_use_case_and_lives_in_its_folder(string module)
    {
        var features = FeaturesNamespace(module);
        // Found by name or by what they do (take a route builder), so a misnamed one is caught too.
        var offenders = ModuleTypes(module)
            .Where(t => t.Name != $"{module}Module")
            .Where(t => t.Name.EndsWith("Endpoint", StringComparison.Ordinal) || t.Name.EndsWith("Endpoints", StringComparison.Ordinal) || MapsRoutes(t))
            .Where(t => !t.Name.EndsWith("Endpoint", StringComparison.Ordinal)
                        || t.Namespace != $"{features}.{t.Name[..^"Endpoint".Length]}"
                        || NotUseCases.Contains(t.Name[..^"Endpoint".Length])
                        || !(t.IsAbstract && t.IsSealed)
                        || t.GetMethod("Map", BindingFlags.Public | BindingFlags.Static, [typeof(IEndpointRouteBuilder)]) is null)
            .Select(t => $"{t.FullName} (expected static {features}.<UseCase>.<UseCase>Endpoint with Map(IEndpointRouteBuilder))")
            .ToList();

        Assert.True(offenders.Count == 0, "Map each use case's routes in its own Endpoint.cs:\n" + string.Join("\n", offenders));
    }

    private static string FeaturesNamespace(string module) => $"LearningNetwork.{module}.Features";

    /// <summary>The module's own types as written: no compiler-made closures or state machines, no migrations.</summary>
    private static IEnumerable<Type> ModuleTypes(string module) =>
        ModuleBoundaryTests.Implementations[module].GetTypes()
            .Where(t => !t.IsNested && t.Namespace is not null && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Where(t => !t.Name.StartsWith('<'))
            .Where(t => !t.Namespace!.Contains(".Migrations", StringComparison.Ordinal))
            .Where(t => !StoredTypeNames.Contains(t.FullName));

    private static IEnumerable<Type> Handlers(string module) =>
        ModuleTypes(module).Where(t => t is { IsClass: true, IsAbstract: false } && Messages(t).Count > 0);

    /// <summary>Every request or notification the type handles (IRequestHandler&lt;T&gt; also shows as IRequestHandler&lt;T, Unit&gt;: counted once).</summary>
    private static List<Type> Messages(Type type) =>
        type.GetInterfaces()
            .Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()))
            .Select(i => i.GetGenericArguments()[0])
            .Distinct()
            .ToList();

    private static bool MapsRoutes(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Any(m => m.GetParameters().Any(p => typeof(IEndpointRouteBuilder).IsAssignableFrom(p.ParameterType)));
}
