using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LearningNetwork.Testing;

namespace LearningNetwork.Proof.Tests;

/// <summary>
/// Every operation of the OpenAPI document, fed malformed JSON, wrong types, missing and extra
/// fields, huge strings, negative and huge numbers, bad UUIDs and dates, and wrong content types,
/// by staff and by a cluster manager: each answer is a 4xx problem document, never a 5xx, and the
/// database is exactly as it was.
/// </summary>
public sealed class BadInputSweepTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    private const string HugeText = "x";

    [Fact]
    public async Task Every_endpoint_refuses_bad_input_with_a_problem_and_changes_nothing()
    {
        var staff = await app.StaffClientAsync();
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var document = await (await staff.GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);
        var operations = OpenApiOperation.From(document);
        Assert.True(operations.Count > 40, $"only {operations.Count} operations in the OpenAPI document");
        var before = await SettledFingerprintAsync();

        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in operations)
        {
            foreach (var probe in Probes(operation))
            {
                foreach (var (who, client) in new[] { ("staff", staff), ("manager", manager) })
                {
                    using var request = probe.Build();
                    using var response = await client.SendAsync(request);
                    sent++;
                    var problem = await Judge(probe, response);
                    if (problem is not null)
                    {
                        failures.Add($"{operation} [{probe.Name}] as {who}: {problem}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers were wrong:\n{string.Join("\n", failures.Take(60))}");
        Assert.True(sent > 1000, $"only {sent} requests were sent");
        Assert.Equal(before, await FingerprintAsync());
    }

    /// <summary>
    /// <c>/metrics</c> is not in the OpenAPI document (it is not under <c>/api</c>) and reads no
    /// input: junk in its query, body or method changes nothing, from an allowed network or not.
    /// </summary>
    [Fact]
    public async Task The_metrics_endpoint_answers_junk_without_a_server_error_and_refuses_strangers_with_a_problem()
    {
        var junk = new (string Method, string Query, string? Body)[]
        {
            ("GET", "?name[]=%FF%FE&name[]=" + new string('9', 5000), null),
            ("GET", "?format=protobuf&le=-Infinity", null),
            ("POST", "", "{\"not\": json"),
            ("PUT", "?x=%00", "\u0000"),
            ("DELETE", "", null),
        };
        var failures = new List<string>();
        foreach (var from in new[] { System.Net.IPAddress.Loopback, System.Net.IPAddress.Parse("198.51.100.7") })
        {
            foreach (var (method, query, body) in junk)
            {
                var context = await app.Server.SendAsync(http =>
                {
                    http.Request.Method = method;
                    http.Request.Path = "/metrics";
                    http.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(query);
                    http.Connection.RemoteIpAddress = from;
                    if (body is not null)
                    {
                        http.Request.ContentType = "application/json";
                        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
                    }
                });
                var status = context.Response.StatusCode;
                // Read as a client does: an answer left unread fills the test server's response
                // pipe (the metrics text is tens of kilobytes), and the next scrape waits for it.
                var answer = await new StreamReader(context.Response.Body).ReadToEndAsync();
                if (status == 200 && !answer.Contains("# TYPE ", StringComparison.Ordinal))
                {
                    failures.Add($"{method} /metrics{query[..Math.Min(query.Length, 40)]} from {from}: 200 without the metrics text");
                }

                if (status >= 500 || (status >= 400 && context.Response.ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) != true))
                {
                    failures.Add($"{method} /metrics{query[..Math.Min(query.Length, 40)]} from {from}: {status} {context.Response.ContentType}");
                }

                if (!System.Net.IPAddress.IsLoopback(from) && status != 403)
                {
                    failures.Add($"{method} /metrics from {from} was not refused: {status}");
                }
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>Null when the answer is right; else what is wrong with it.</summary>
    private static async Task<string?> Judge(Probe probe, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"{status} {Shorten(body)}";
        }

        if (status < 400)
        {
            return probe.MayBeAccepted ? null : $"accepted with {status}: {Shorten(body)}";
        }

        return response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? null
            : $"{status} without a problem document ({response.Content.Headers.ContentType?.MediaType ?? "no body"}): {Shorten(body)}";
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static IEnumerable<Probe> Probes(OpenApiOperation operation)
    {
        var path = PathWith(operation.Path, _ => Guid.NewGuid().ToString());
        var method = new HttpMethod(operation.Method);

        // Route values that are not what the route wants.
        if (operation.Path.Contains('{', StringComparison.Ordinal))
        {
            yield return new Probe("path: not a UUID", method, PathWith(operation.Path, _ => "not-a-uuid"), null, null);
            yield return new Probe("path: huge", method, PathWith(operation.Path, _ => new string('9', 5000)), null, null);
        }

        // Query values of the wrong kind (a GET may well answer 200 with nothing found).
        foreach (var parameter in operation.Query)
        {
            foreach (var (name, value) in BadQueryValues(parameter.Kind))
            {
                yield return new Probe($"query {parameter.Name}: {name}", method, $"{path}?{parameter.Name}={Uri.EscapeDataString(value)}", null, null, MayBeAccepted: operation.Method == "GET");
            }
        }

        // Several query values at once: every one at the edge of its type (page 2147483647 of a list, say).
        if (operation.Query.Count > 1)
        {
            var edges = string.Join("&", operation.Query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Kind is ValueKind.Integer or ValueKind.Number ? "2147483647" : "x")}"));
            yield return new Probe("query: every value at once", method, $"{path}?{edges}", null, null, MayBeAccepted: operation.Method == "GET");
            yield return new Probe("query: a value twice", method, $"{path}?{operation.Query[0].Name}=1&{operation.Query[0].Name}=2", null, null, MayBeAccepted: operation.Method == "GET");
        }

        // Bodies that are not well-formed for the content type they claim (to the endpoints that read a body).
        if (operation.HasBody)
        {
            const string boundary = "probe-boundary";
            var multipart = $"multipart/form-data; boundary={boundary}";
            yield return new Probe("multipart: broken part headers", method, path, $"--{boundary}\r\nContent-Disposition form-data name=file\r\n\r\nxx\r\n--{boundary}--\r\n", multipart);
            yield return new Probe("multipart: truncated body", method, path, $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 and then noth", multipart);
            yield return new Probe("multipart: no boundary", method, path, "--x\r\n\r\n", "multipart/form-data");
            yield return new Probe("JSON that is not UTF-8", method, path, null, "application/json", Raw: [(byte)'{', (byte)'"', (byte)'t', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)'}']);
        }

        if (operation.JsonBody is not { } properties)
        {
            yield break;
        }

        var isList = properties is [{ Name: "[]" }];
        var fields = isList ? properties[0].Items! : properties;
        JsonNode Baseline() => isList ? new JsonArray(ObjectOf(fields)) : ObjectOf(fields);
        JsonNode With(Action<JsonObject> change)
        {
            var body = Baseline();
            change(isList ? body.AsArray()[0]!.AsObject() : body.AsObject());
            return body;
        }

        yield return new Probe("malformed JSON", method, path, "{\"title\": ", "application/json");
        yield return new Probe("JSON of the wrong shape", method, path, isList ? "{}" : "[1, 2]", "application/json");
        yield return new Probe("a string instead of an object", method, path, "\"hello\"", "application/json");
        yield return new Probe("wrong content type", method, path, Baseline().ToJsonString(), "text/plain");
        yield return new Probe("form instead of JSON", method, path, "title=x", "application/x-www-form-urlencoded");
        yield return new Probe("extra field", method, path, With(o => o["unexpectedField"] = 1).ToJsonString(), "application/json");
        yield return new Probe("all fields null", method, path, With(o =>
        {
            foreach (var key in o.Select(p => p.Key).ToList())
            {
                o[key] = null;
            }
        }).ToJsonString(), "application/json", MayBeAccepted: fields.Count == 0);
        foreach (var field in fields)
        {
            foreach (var (name, value) in BadValues(field.Kind))
            {
                yield return new Probe($"{field.Name}: {name}", method, path, With(o => o[field.Name] = value?.DeepClone()).ToJsonString(), "application/json");
            }
        }
    }

    private static string PathWith(string template, Func<string, string> value)
    {
        var path = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{')
            {
                var end = template.IndexOf('}', i);
                path.Append(value(template[(i + 1)..end]));
                i = end;
            }
            else
            {
                path.Append(template[i]);
            }
        }

        return path.ToString();
    }

    private static JsonObject ObjectOf(IEnumerable<OpenApiProperty> fields)
    {
        var body = new JsonObject();
        foreach (var field in fields)
        {
            body[field.Name] = field.Kind switch
            {
                ValueKind.Integer or ValueKind.Number => 1,
                ValueKind.Boolean => true,
                ValueKind.Array => new JsonArray(),
                ValueKind.Object => new JsonObject(),
                ValueKind.Uuid => Guid.NewGuid().ToString(),
                ValueKind.Date => "2030-01-01",
                _ => "Probe",
            };
        }

        return body;
    }

    private static IEnumerable<(string Name, JsonNode? Value)> BadValues(ValueKind kind)
    {
        yield return ("wrong type", kind is ValueKind.String or ValueKind.Uuid or ValueKind.Date ? JsonValue.Create(12345) : JsonValue.Create("not of this type"));
        switch (kind)
        {
            case ValueKind.Integer or ValueKind.Number:
                yield return ("negative", -1);
                yield return ("huge", JsonNode.Parse("2147483648000"));
                yield return ("fraction", 1.5);
                break;
            case ValueKind.String:
                yield return ("huge string", new string(HugeText[0], 100_000));
                yield return ("bad date", "2026-02-30T25:61");
                break;
            case ValueKind.Uuid:
                yield return ("bad UUID", "not-a-uuid");
                break;
            case ValueKind.Date:
                yield return ("bad date", "2026-13-45");
                break;
            case ValueKind.Array:
                yield return ("huge array", new JsonArray([.. Enumerable.Range(0, 10_000).Select(i => (JsonNode)JsonValue.Create(i))]));
                break;
        }
    }

    private static IEnumerable<(string Name, string Value)> BadQueryValues(ValueKind kind) => kind switch
    {
        ValueKind.Integer or ValueKind.Number => [("not a number", "abc"), ("negative", "-1"), ("huge", "99999999999999"), ("largest int", "2147483647"), ("smallest int", "-2147483648")],
        ValueKind.Boolean => [("not a boolean", "maybe")],
        ValueKind.Uuid => [("bad UUID", "not-a-uuid")],
        ValueKind.Date => [("bad date", "2026-13-45")],
        _ => [("huge string", new string('x', 10_000)), ("bad date", "2026-02-30T25:61")],
    };

    /// <summary>
    /// The fingerprint once the setup's own aftermath (outbox events, invitation emails) has
    /// settled: the same twice, two seconds apart.
    /// </summary>
    private async Task<string> SettledFingerprintAsync()
    {
        await app.Database.ExecuteAsync("""
            CREATE OR REPLACE FUNCTION public.test_fingerprint_of(s text, t text) RETURNS text LANGUAGE plpgsql AS $$
            DECLARE result text;
            BEGIN
              EXECUTE format('SELECT md5(coalesce(string_agg(x::text, ''|'' ORDER BY x::text), '''')) FROM %I.%I x', s, t) INTO result;
              RETURN result;
            END $$
            """);
        var previous = await FingerprintAsync();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var current = await FingerprintAsync();
            if (current == previous)
            {
                return current;
            }

            previous = current;
        }

        throw new TimeoutException("The database kept changing after the setup.");
    }

    /// <summary>
    /// One checksum per table of every module's schema: any change to any row shows. The audit
    /// log and the sign-in failure counts are left out: recording refused attempts is their job.
    /// </summary>
    private async Task<string> FingerprintAsync() => await app.Database.ScalarAsync<string>("""
        SELECT string_agg(format('%I.%I', table_schema, table_name) || '=' || public.test_fingerprint_of(table_schema, table_name), E'\n' ORDER BY table_schema, table_name)
        FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema', 'hangfire', 'public')
          AND NOT (table_schema = 'accounts' AND table_name IN ('audit_log', 'sign_in_failures'))
        """);

    private sealed record Probe(string Name, HttpMethod Method, string Path, string? Body, string? ContentType, bool MayBeAccepted = false, byte[]? Raw = null)
    {
        public HttpRequestMessage Build() => new(Method, Path)
        {
            Content = Raw is not null || Body is not null ? Content() : null,
        };

        // The content type as given (a multipart boundary included), not as StringContent would rewrite it.
        private ByteArrayContent Content()
        {
            var content = new ByteArrayContent(Raw ?? Encoding.UTF8.GetBytes(Body!));
            content.Headers.TryAddWithoutValidation("Content-Type", ContentType!);
            return content;
        }
    }
}
