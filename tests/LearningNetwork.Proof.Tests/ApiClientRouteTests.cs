using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using LearningNetwork.ApiClient;
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

    /// <summary>
    /// The personal data export is one document assembled from every module's answer; the client's
    /// records of it hold every field the API's document describes, and no other, at every depth.
    /// </summary>
    [Theory]
    [InlineData("/api/cluster-managers/{id}/personal-data")]
    [InlineData("/api/me/personal-data")]
    public async Task The_client_reads_every_field_of_the_personal_data_export_and_no_other(string path)
    {
        using var staff = await app.StaffClientAsync();
        var document = await (await staff.GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);
        var schema = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");

        var differences = new List<string>();
        CompareShape(document, schema, typeof(PersonalDataExport), "export", differences);

        Assert.True(differences.Count == 0, "The client's records differ from the API's document:\n" + string.Join("\n", differences));
    }

    private static void CompareShape(JsonElement document, JsonElement schema, Type type, string at, List<string> differences)
    {
        schema = Resolve(document, schema);
        type = Nullable.GetUnderlyingType(type) ?? type;
        var list = type.IsGenericType ? type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) : null;
        if (list is not null)
        {
            if (schema.TryGetProperty("items", out var items))
            {
                CompareShape(document, items, list.GetGenericArguments()[0], at + "[]", differences);
            }
            else
            {
                differences.Add($"{at}: a list in the client, not in the API");
            }

            return;
        }

        if (type.Namespace != typeof(PersonalDataExport).Namespace || !type.IsClass)
        {
            return;
        }

        var fields = schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            : [];
        var read = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod?.IsPublic == true && p.SetMethod is not null)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);
        differences.AddRange(fields.Keys.Where(f => !read.ContainsKey(f)).Select(f => $"{at}.{f}: in the API's answer, not read by the client"));
        differences.AddRange(read.Keys.Where(f => !fields.ContainsKey(f)).Select(f => $"{at}.{f}: read by the client, not in the API's answer"));
        foreach (var (name, property) in read.Where(r => fields.ContainsKey(r.Key)))
        {
            CompareShape(document, fields[name], property.PropertyType, $"{at}.{name}", differences);
        }
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Resolve(document, document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]));
        }

        foreach (var choice in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema.TryGetProperty(choice, out var choices))
            {
                var notNull = choices.EnumerateArray().Select(c => Resolve(document, c))
                    .FirstOrDefault(c => !(c.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
                if (notNull.ValueKind != JsonValueKind.Undefined)
                {
                    return notNull;
                }
            }
        }

        return schema;
    }

    /// <summary>"/api/sessions/{sessionId}" and "/api/sessions/{id}" are the same route.</summary>
    private static string Template(string path) => RouteParameter().Replace(path, "{}");

    [GeneratedRegex("""(?:(?<verb>Get|Post|Put|Delete)Async<[^(]*>\(|SendAsync<[^(]*>\(HttpMethod\.(?<verb>\w+),\s*)\$?"(?<path>/api/[^"?]*)""")]
    private static partial Regex ClientCall();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
