using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.RegularExpressions;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Accounts.Tests;

/// <summary>
/// What a security review of the deployment checks on the host itself: the headers of every
/// response, what is open to strangers, the API's description, and how the host behaves behind
/// the TLS proxy of a deployment. The test host runs outside Development, as production does.
/// </summary>
public sealed class HostHardeningTests(HostHardeningTests.ProxyApp app) : IClassFixture<HostHardeningTests.ProxyApp>
{
    [Fact]
    public async Task Every_response_carries_the_content_security_policy_referrer_policy_and_nosniff()
    {
        using var anonymous = app.Server.CreateClient();
        using var staff = await app.StaffClientAsync();
        var responses = new[]
        {
            await anonymous.GetAsync("/login"),
            await anonymous.GetAsync("/css/site.css"),
            await anonymous.GetAsync("/api/me"),
            await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "x" }),
            await staff.GetAsync($"/api/sessions/{Guid.NewGuid()}"),
            await staff.GetAsync("/api/sessions?page=abc"),
            await anonymous.GetAsync("/no-such-page"),
        };

        foreach (var response in responses)
        {
            var what = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.PathAndQuery} ({(int)response.StatusCode})";
            var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.DoesNotMatch("script-src[^;]*unsafe", policy);
            Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "no-referrer", what);
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", what);
        }
    }

    [Fact]
    public void The_pages_have_no_inline_script_for_the_policy_to_block()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Host", "LearningNetwork.Host", "Pages"), "*.cshtml", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(pages);
        var offences = new List<string>();
        foreach (var page in pages)
        {
            var text = File.ReadAllText(page);
            foreach (Match script in Regex.Matches(text, "<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase))
            {
                offences.Add($"{Path.GetFileName(page)}: inline {script.Value}");
            }

            foreach (Match handler in Regex.Matches(text, "\\son[a-z]+\\s*=\\s*[\"']", RegexOptions.IgnoreCase))
            {
                offences.Add($"{Path.GetFileName(page)}: event handler attribute{handler.Value}");
            }

            if (text.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                offences.Add($"{Path.GetFileName(page)}: javascript: URL");
            }
        }

        Assert.Empty(offences);
    }

    [Fact]
    public async Task An_endpoint_that_names_no_policy_is_closed_to_strangers()
    {
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var fallback = await policies.GetFallbackPolicyAsync();
        Assert.NotNull(fallback);

        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        Assert.False((await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), fallback)).Succeeded);
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], "test"));
        Assert.True((await authorization.AuthorizeAsync(signedIn, fallback)).Succeeded);
    }

    [Fact]
    public void What_strangers_may_reach_is_said_explicitly_and_is_only_this()
    {
        var open = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is [var method, ..] ? method : "*") + " " + e.RoutePattern.RawText)
            .ToHashSet(StringComparer.Ordinal);

        string[] intended =
        [
            "POST /api/auth/login", "POST /api/auth/cookie-login", "POST /api/auth/activate", "POST /api/auth/forgot-password",
            "POST /api/auth/reset-password", "POST /api/feedback", "GET /calendar/{token}.ics", "* /health/live", "* /health/ready",
            // Open to the monitoring networks only, whoever asks (MetricsAccessTests).
            "* /metrics",
        ];
        foreach (var endpoint in intended)
        {
            Assert.Contains(endpoint, open);
        }

        // Nothing else under /api is open; the pages that are (sign-in, links from emails, errors) are all public by nature.
        var unexpectedApi = open.Where(e => e.Contains(" /api/", StringComparison.Ordinal) && !intended.Contains(e)
            && !e.Contains("/unsubscribe", StringComparison.Ordinal)).ToList();
        Assert.Empty(unexpectedApi);
        Assert.DoesNotContain(open, e => e.Contains("openapi", StringComparison.OrdinalIgnoreCase) || e.Contains("scalar", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Outside_Development_the_API_description_is_for_signed_in_staff_and_the_reference_page_is_off()
    {
        using var anonymous = app.Server.CreateClient();
        await (await anonymous.GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.Unauthorized);
        using var staff = await app.StaffClientAsync();
        await (await staff.GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/scalar/v1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/scalar")).StatusCode);
    }

    [Fact]
    public async Task Outside_Development_every_cookie_is_Secure_even_over_plain_http()
    {
        using var plain = app.Server.CreateClient();
        var login = await plain.PostAsJsonAsync("/api/auth/cookie-login", new { email = LearningNetworkApp.StaffEmail, password = LearningNetworkApp.StaffPassword });
        await login.ShouldBe(HttpStatusCode.NoContent);
        var page = await plain.GetAsync("/login");
        var cookies = login.Headers.GetValues("Set-Cookie").Concat(page.Headers.TryGetValues("Set-Cookie", out var more) ? more : []).ToList();

        Assert.Contains(cookies, c => c.StartsWith("LearningNetwork.Auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_configured_proxy_is_believed_about_the_client_address_and_https()
    {
        var email = $"proxied-{Guid.NewGuid():N}@agency.example";
        var userId = await app.CreateAccountAsync(email, Roles.Staff);

        var page = await SendThroughAsync("10.20.30.40", HttpMethod.Get, "/login", forwardedFor: "203.0.113.7");
        Assert.Equal("max-age=31536000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));

        var login = await SendThroughAsync("192.0.2.10", HttpMethod.Post, "/api/auth/login", forwardedFor: "203.0.113.8", json: new { email, password = "Wrong-Password-1" });
        await login.ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal("203.0.113.8", await LastFailedSignInAddressAsync(userId));
    }

    [Fact]
    public async Task Anyone_else_claiming_to_be_a_proxy_is_not_believed()
    {
        var email = $"unproxied-{Guid.NewGuid():N}@agency.example";
        var userId = await app.CreateAccountAsync(email, Roles.Staff);

        var page = await SendThroughAsync("198.51.100.9", HttpMethod.Get, "/login", forwardedFor: "203.0.113.7");
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));

        var login = await SendThroughAsync("198.51.100.9", HttpMethod.Post, "/api/auth/login", forwardedFor: "203.0.113.9", json: new { email, password = "Wrong-Password-1" });
        await login.ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal("198.51.100.9", await LastFailedSignInAddressAsync(userId));
    }

    /// <summary>A request as it arrives from a proxy at <paramref name="from"/>, which ended TLS for the browser.</summary>
    private async Task<HttpResponseMessage> SendThroughAsync(string from, HttpMethod method, string path, string forwardedFor, object? json = null)
    {
        using var client = new HttpClient(app.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(from)))
        {
            BaseAddress = new Uri("http://learningnetwork.example"),
        };
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : JsonContent.Create(json) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request);
    }

    private Task<string> LastFailedSignInAddressAsync(Guid userId) => app.Database.ScalarAsync<string>(
        "SELECT client_address FROM accounts.audit_log WHERE entity_id = @id AND action = 'SignInFailed' ORDER BY at DESC LIMIT 1", ("id", userId));

    /// <summary>The host behind proxies in 10.0.0.0/8 and at 192.0.2.10, as an operator configures it.</summary>
    [Fact]
    public async Task Metrics_go_to_the_client_address_the_proxy_reports_and_a_header_from_anyone_else_is_ignored()
    {
        // Metrics:AllowedNetworks is not set: loopback only. The proxy is 192.0.2.10.
        Assert.Equal(HttpStatusCode.OK, (await app.ScrapeAsync(IPAddress.Loopback)).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.ScrapeAsync(IPAddress.Parse("192.0.2.10"), forwardedFor: "127.0.0.1")).Status);

        // Relayed for an outside client: refused, although the proxy reached the host.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ScrapeAsync(IPAddress.Parse("192.0.2.10"), forwardedFor: "198.51.100.7")).Status);
        // An outside client claiming to be loopback: not a proxy, so its header counts for nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ScrapeAsync(IPAddress.Parse("198.51.100.7"), forwardedFor: "127.0.0.1")).Status);
        // The proxy itself is not in the allowed networks either.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ScrapeAsync(IPAddress.Parse("192.0.2.10"))).Status);
    }

    public sealed class ProxyApp : LearningNetworkApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownNetworks"] = "10.0.0.0/8",
            ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.10",
        };
    }
}

/// <summary>Outside Development the host refuses to start without the settings production needs, and says which.</summary>
public sealed class ProductionSettingsTests
{
    [Fact]
    public void Without_a_certificate_for_the_data_protection_keys_the_host_does_not_start()
    {
        var refusal = StartFails(new Dictionary<string, string?> { ["Smtp:Security"] = "StartTls" });

        Assert.Contains("DataProtection:CertificatePath is not set", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("Smtp:", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_SMTP_is_refused_unless_explicitly_allowed()
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = DataProtectionCertificate.Path,
            ["DataProtection:CertificatePassword"] = DataProtectionCertificate.Password,
            ["Smtp:Security"] = "None",
        };

        var refusal = StartFails(settings);

        Assert.Contains("Smtp:Security is None", refusal, StringComparison.Ordinal);
        Assert.Contains("Smtp:AllowUnencrypted", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("DataProtection", refusal, StringComparison.Ordinal);
    }

    private static string StartFails(Dictionary<string, string?> settings)
    {
        using var factory = new ProductionHost(settings);
        var failure = Assert.ThrowsAny<Exception>(() => factory.Server);
        var messages = new List<string>();
        for (var e = failure; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }

    private sealed class ProductionHost(Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:LearningNetwork", "Host=127.0.0.1;Port=1;Database=none");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
