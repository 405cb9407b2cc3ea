using System.Text.Json;

namespace LearningNetwork.Proof.Tests;

/// <summary>The host's own OpenAPI document, read as the list of operations and the shape of their JSON bodies.</summary>
public sealed record OpenApiOperation(string Method, string Path, IReadOnlyList<OpenApiParameter> Query, IReadOnlyList<OpenApiProperty>? JsonBody, bool HasBody = false)
{
    public override string ToString() => $"{Method} {Path}";

    public static IReadOnlyList<OpenApiOperation> From(JsonElement document)
    {
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var query = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
                        .Select(p => new OpenApiParameter(p.GetProperty("name").GetString()!, Kind(document, p.GetProperty("schema")))).ToList()
                    : [];
                IReadOnlyList<OpenApiProperty>? body = null;
                if (operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    body = Properties(document, Resolve(document, json.GetProperty("schema")));
                }

                operations.Add(new OpenApiOperation(operation.Name.ToUpperInvariant(), path.Name, query, body, operation.Value.TryGetProperty("requestBody", out _)));
            }
        }

        return operations;
    }

    private static List<OpenApiProperty> Properties(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("items", out var items))
        {
            // A body that is a list (e.g. attendance marks): probe the shape of one element.
            return [new OpenApiProperty("[]", ValueKind.Array, Properties(document, Resolve(document, items)))];
        }

        return schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => new OpenApiProperty(p.Name, Kind(document, p.Value), null)).ToList()
            : [];
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Resolve(document, document.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        foreach (var combinator in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var choices))
            {
                var first = choices.EnumerateArray().Select(c => Resolve(document, c))
                    .FirstOrDefault(c => !(c.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
                if (first.ValueKind != JsonValueKind.Undefined)
                {
                    return first;
                }
            }
        }

        return schema;
    }

    private static ValueKind Kind(JsonElement document, JsonElement schema)
    {
        schema = Resolve(document, schema);
        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList()
            : [type.GetString()];
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return types.Contains("integer") ? ValueKind.Integer
            : types.Contains("number") ? ValueKind.Number
            : types.Contains("boolean") ? ValueKind.Boolean
            : types.Contains("array") ? ValueKind.Array
            : types.Contains("object") ? ValueKind.Object
            : format == "uuid" ? ValueKind.Uuid
            : format is "date" or "date-time" ? ValueKind.Date
            : ValueKind.String;
    }
}

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The names are JSON Schema's types.")]
public enum ValueKind
{
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,
    Uuid,
    Date,
}

public sealed record OpenApiParameter(string Name, ValueKind Kind);

/// <summary>A field of a JSON body; <see cref="Items"/> is set when the body is a list of objects.</summary>
public sealed record OpenApiProperty(string Name, ValueKind Kind, IReadOnlyList<OpenApiProperty>? Items);
