using System.Net;
using System.Text.RegularExpressions;
using LearningNetwork.Testing;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// The UI's client of the API (Ui/LearningNetworkApi.cs) calls only operations the API publishes:
/// a route renamed or removed in the API fails here, whether or not a journey walks that page.
/// </summary>
public sealed partial class JourneyTests
{
    [Fact]
    public async Task Every_call_of_the_ui_client_is_an_operation_in_the_api_document()
    {
        var source = File.ReadAllText(Path.Combine(Repository.Root, "src", "Host", "LearningNetwork.Host", "Ui", "LearningNetworkApi.cs"));
        var calls = ClientCall().Matches(source)
            .Select(m => (Method: m.Groups["verb"].Value.ToUpperInvariant(), Path: Template(m.Groups["path"].Value)))
            .ToHashSet();
        Assert.True(calls.Count > 50, $"Only {calls.Count} calls found: is the pattern still right?");

        using var api = await app.StaffClientAsync();
        var document = await (await api.GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => (Method: method.Name.ToUpperInvariant(), Path: Template(path.Name))))
            .ToHashSet();

        var unknown = calls.Where(c => !operations.Contains(c)).Select(c => $"{c.Method} {c.Path}").Order(StringComparer.Ordinal).ToList();
        Assert.True(unknown.Count == 0, "The UI calls what the API does not publish:\n" + string.Join("\n", unknown));
    }

    /// <summary>"/api/sessions/{sessionId}" and "/api/sessions/{id}" are the same route.</summary>
    private static string Template(string path) => RouteParameter().Replace(path, "{}");

    [GeneratedRegex("""(?:(?<verb>Get|Post|Put)Async<[^(]*>\(|SendAsync<[^(]*>\(HttpMethod\.(?<verb>\w+),\s*)\$?"(?<path>/api/[^"?]*)""")]
    private static partial Regex ClientCall();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
