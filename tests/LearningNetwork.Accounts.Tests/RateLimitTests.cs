using System.Net;
using System.Net.Http.Json;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

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

/// <summary>On a host of its own, so its requests do not use up the other class's allowance.</summary>
public sealed class WebUiRateLimitTests(LowLoginLimitApp app) : IClassFixture<LowLoginLimitApp>
{
    [Fact]
    public async Task The_web_ui_counts_each_browser_on_its_own_but_a_forged_address_counts_nothing()
    {
        using var client = app.CreateClient();
        var secret = app.Services.GetRequiredService<LoopbackCallerSecret>().Value;

        async Task<HttpStatusCode> ForgotPasswordAsync(string callerSecret, string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/forgot-password") { Content = JsonContent.Create(new { email = "someone@test.local" }) };
            request.Headers.Add(LoopbackCallerSecret.SecretHeader, callerSecret);
            request.Headers.Add(LoopbackCallerSecret.AddressHeader, address);
            return (await client.SendAsync(request)).StatusCode;
        }

        // The UI (which knows the process's secret) speaks for two browsers: each has its own three.
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            first.Add(await ForgotPasswordAsync(secret, "203.0.113.10"));
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.Accepted, await ForgotPasswordAsync(secret, "203.0.113.11"));

        // Without the secret, claiming a new address each time does not buy a fresh allowance.
        var forged = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            forged.Add(await ForgotPasswordAsync("not-the-secret", $"198.51.100.{i}"));
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, forged);
    }
}

/// <summary>On a host of its own, so its requests do not use up the other classes' allowance.</summary>
public sealed class SignInPageRateLimitTests(LowLoginLimitApp app) : IClassFixture<LowLoginLimitApp>
{
    [Fact]
    public async Task Showing_the_sign_in_page_uses_none_of_the_allowance_that_attempts_use()
    {
        using var client = app.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
        }

        var attempts = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            attempts.Add((await client.PostAsJsonAsync("/api/auth/login", new { email = "someone@test.local", password = "guess-number-" + i })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], attempts);
    }
}
