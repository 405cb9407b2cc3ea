using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Accounts.Tests;

/// <summary>A host with a low sign-in limit, to see the limit act.</summary>
public sealed class LowLoginLimitApp : LearningNetworkApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimiting:LoginPermitsPerMinute"] = "3" };
}

public sealed class RateLimitTests(LowLoginLimitApp app) : IClassFixture<LowLoginLimitApp>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429_with_retry_after()
    {
        using var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "someone@test.local", password = "guess-number-" + i });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
