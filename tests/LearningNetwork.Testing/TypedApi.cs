using System.Net;
using LearningNetwork.ApiClient;
using Xunit;

namespace LearningNetwork.Testing;

/// <summary>
/// The API as tests call it: the typed client the web UI uses (LearningNetworkApi), over a test
/// client that carries a bearer token, and the checks of its answers.
/// </summary>
public static class TypedApi
{
    /// <summary>The typed client over this signed-in client.</summary>
    public static LearningNetworkApi Typed(this HttpClient client) => new(client);

    public static async Task<LearningNetworkApi> StaffApiAsync(this LearningNetworkApp app) => (await app.StaffClientAsync()).Typed();

    public static async Task<LearningNetworkApi> SignedInApiAsync(this LearningNetworkApp app, string email, string password) =>
        (await app.SignedInClientAsync(email, password)).Typed();

    /// <summary>The answer of a call that must answer <paramref name="expected"/>; else the test fails with the problem the API gave.</summary>
    public static async Task<T> Expect<T>(this Task<ApiResult<T>> call, HttpStatusCode expected)
    {
        var result = await call;
        if (result.Status != (int)expected)
        {
            Assert.Fail($"The API answered {result.Status}, expected {(int)expected}: {Describe(result.Problem)}");
        }

        return result.Value!;
    }

    /// <summary>The problem of a call that must be refused with <paramref name="expected"/>.</summary>
    public static async Task<ApiProblem> ExpectProblem<T>(this Task<ApiResult<T>> call, HttpStatusCode expected)
    {
        var result = await call;
        if (result.Status != (int)expected || result.Problem is null)
        {
            Assert.Fail($"The API answered {result.Status}, expected the problem {(int)expected}: {Describe(result.Problem)}");
        }

        return result.Problem!;
    }

    /// <summary>Asserts a 400 problem naming the field; returns its first message.</summary>
    public static async Task<string> ShouldNameInvalidField<T>(this Task<ApiResult<T>> call, string field)
    {
        var problem = await call.ExpectProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors?.ContainsKey(field) == true, $"expected an error for '{field}', got {Describe(problem)}");
        return problem.Errors![field][0];
    }

    private static string Describe(ApiProblem? problem) =>
        problem is null ? "no problem" : $"{problem.Title} {problem.Detail} {string.Join("; ", (problem.Errors ?? []).Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}";
}
