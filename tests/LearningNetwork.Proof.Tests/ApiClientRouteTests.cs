using System.Net;
using System.Text.RegularExpressions;
using LearningNetwork.Testing;

namespace LearningNetwork.Proof.Tests;

/// <summary>
/// The typed client of the API (src/Clients/LearningNetwork.ApiClient), which the web UI and the
/// HTTP tests call the API through, calls only operations the API publishes: a route renamed or
/// removed in the API fails here, whether or not a journey or a test walks that call.
/// </summary>
public sealed partial class ApiClientRouteTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task Every_call_of_the_api_client_is_an_operation_in_the_api_document()
    {
        var source = File.ReadAllText(Path.Combine(Repository.Root, "src", "Clients", "LearningNetwork.ApiClient", "LearningNetworkApi.cs"));
        var calls = ClientCall().Matches(source)
            .Select(m => (Method: m.Groups["verb"].Value.ToUpperInvariant(), Path: Template(m.Groups["path"].Value)))
            .ToHashSet();
        Assert.True(calls.Count > 50, $"Only {calls.Count} calls found: is the pattern still right?");

        using var staff = await app.StaffClientAsync();
        var document = await (await staff.GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);
        var operations = OpenApiOperation.From(document).Select(o => (o.Method, Path: Template(o.Path))).ToHashSet();

        var unknown = calls.Where(c => !operations.Contains(c)).Select(c => $"{c.Method} {c.Path}").Order(StringComparer.Ordinal).ToList();
        Assert.True(unknown.Count == 0, "The client calls what the API does not publish:\n" + string.Join("\n", unknown));
    }

    /// <summary>"/api/sessions/{sessionId}" and "/api/sessions/{id}" are the same route.</summary>
    private static string Template(string path) => RouteParameter().Replace(path, "{}");

    [GeneratedRegex("""(?:(?<verb>Get|Post|Put|Delete)Async<[^(]*>\(|SendAsync<[^(]*>\(HttpMethod\.(?<verb>\w+),\s*)\$?"(?<path>/api/[^"?]*)""")]
    private static partial Regex ClientCall();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
