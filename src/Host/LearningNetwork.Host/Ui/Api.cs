using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using LearningNetwork.BuildingBlocks.Security;

namespace LearningNetwork.Host.Ui;

/// <summary>
/// The web UI is the HTTP API's first client: its pages read and change everything through the
/// same endpoints, rules and validation as scripts and integrations do, so the UI can never do
/// what the API would refuse. Calls go over loopback to this very host and carry the browser's
/// auth cookie, so the API sees the signed-in person.
/// </summary>
public sealed class Api(HttpClient http, IHttpContextAccessor accessor, SelfAddress self, LoopbackCallerSecret callerSecret)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<ApiResult<T>> GetAsync<T>(string path) => SendAsync<T>(HttpMethod.Get, path, null);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body = null) => SendAsync<T>(HttpMethod.Post, path, JsonBody(body ?? new { }));

    public Task<ApiResult<T>> PutAsync<T>(string path, object body) => SendAsync<T>(HttpMethod.Put, path, JsonBody(body));

    public Task<ApiResult<JsonElement>> PostAsync(string path, object? body = null) => PostAsync<JsonElement>(path, body);

    public Task<ApiResult<JsonElement>> PutAsync(string path, object body) => PutAsync<JsonElement>(path, body);

    public Task<ApiResult<JsonElement>> DeleteAsync(string path) => SendAsync<JsonElement>(HttpMethod.Delete, path, null);

    /// <summary>For bodies that are not JSON: CSV imports, multipart uploads.</summary>
    public Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content) => SendCoreAsync<T>(method, path, content);

    private static JsonContent JsonBody(object body) => JsonContent.Create(body, body.GetType(), options: Json);

    private async Task<ApiResult<T>> SendCoreAsync<T>(HttpMethod method, string path, HttpContent? content)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("The UI calls the API only while serving a request.");
        using var request = new HttpRequestMessage(method, new Uri(self.BaseAddress, path)) { Content = content };
        // The browser's cookies carry the sign-in; the API checks it exactly as for any client.
        if (context.Request.Headers.Cookie.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", context.Request.Headers.Cookie.ToString());
        }

        // Whose request this is, for per-address limits (see LoopbackCallerSecret).
        request.Headers.TryAddWithoutValidation(LoopbackCallerSecret.SecretHeader, callerSecret.Value);
        request.Headers.TryAddWithoutValidation(LoopbackCallerSecret.AddressHeader, ClientAddress.Of(context));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // The page's language, for the API's messages when the person has neither chosen nor prefers one.
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(UiCulture.Language));
        using var response = await http.SendAsync(request, context.RequestAborted);
        if (response.IsSuccessStatusCode)
        {
            var value = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0 || typeof(T) == typeof(NoBody)
                ? default
                : await response.Content.ReadFromJsonAsync<T>(Json, context.RequestAborted);
            return new ApiResult<T>((int)response.StatusCode, value, null);
        }

        return new ApiResult<T>((int)response.StatusCode, default, await ReadProblemAsync(response, context.RequestAborted));
    }

    private static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ApiProblem>(Json, cancellationToken);
            if (problem is not null)
            {
                return problem with { Status = status };
            }
        }
        catch (JsonException)
        {
            // Not a problem document (e.g. an empty 401): the status alone says what happened.
        }

        return new ApiProblem { Status = status, Title = response.ReasonPhrase };
    }
}

/// <summary>Marker for calls whose answer has no body worth reading.</summary>
public sealed record NoBody;

public sealed record ApiResult<T>(int Status, T? Value, ApiProblem? Problem)
{
    public bool Ok => Problem is null;

    /// <summary>The answer, for pages that cannot go on without it; a refusal becomes the UI's error page.</summary>
    public T Result => Ok ? Value! : throw new ApiCallFailedException(Status, Problem?.Message);
}

/// <summary>A page needed an answer the API refused (e.g. 503 while the database restarts).</summary>
public sealed class ApiCallFailedException(int status, string? message) : Exception($"The API answered {status}: {message}")
{
    public int Status { get; } = status;
}

/// <summary>An RFC 9457 problem document as the API writes it.</summary>
public sealed record ApiProblem
{
    public int Status { get; init; }

    public string? Title { get; init; }

    public string? Detail { get; init; }

    public Dictionary<string, string[]>? Errors { get; init; }

    /// <summary>What to tell the person: the detail when there is one, else the title.</summary>
    public string Message => Detail ?? Title ?? $"Error {Status}";
}
