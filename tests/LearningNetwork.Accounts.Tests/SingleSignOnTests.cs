using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LearningNetwork.Accounts.Infrastructure;
using LearningNetwork.Testing;
using Microsoft.Extensions.Configuration;

namespace LearningNetwork.Accounts.Tests;

/// <summary>
/// Single sign-on at the HTTP level, with a real OpenID Connect provider on loopback and password
/// sign-in switched off for staff: which passwords still work, what the sign-in page offers, and
/// how the first step of the code flow looks. The whole redirect dance in a browser is in the web
/// UI's SingleSignOnJourneyTests.
/// </summary>
public sealed partial class SingleSignOnTests(SingleSignOnTests.SingleSignOnApp app) : IClassFixture<SingleSignOnTests.SingleSignOnApp>
{
    private const string UseOrganisationAccount = "Staff sign in with their organisation account: password sign-in is off for staff.";

    [Fact]
    public async Task With_staff_password_sign_in_off_a_staff_member_gets_no_token_and_a_cluster_manager_still_does()
    {
        using var client = app.CreateClient();

        var staff = await (await client.PostAsJsonAsync("/api/auth/login", new { email = LearningNetworkApp.StaffEmail, password = LearningNetworkApp.StaffPassword }))
            .Json(HttpStatusCode.Unauthorized);
        Assert.Equal(UseOrganisationAccount, staff.GetProperty("detail").GetString());
        var cookie = await (await client.PostAsJsonAsync("/api/auth/cookie-login", new { email = LearningNetworkApp.StaffEmail, password = LearningNetworkApp.StaffPassword }))
            .Json(HttpStatusCode.Unauthorized);
        Assert.Equal(UseOrganisationAccount, cookie.GetProperty("detail").GetString());

        var manager = $"sso-manager-{Guid.NewGuid():N}@cluster.example";
        await app.CreateClusterManagerAsync(manager);
        await (await client.PostAsJsonAsync("/api/auth/login", new { email = manager, password = TestAccounts.Password })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_whoever_knows_a_staff_password_learns_that_staff_use_the_organisation_account()
    {
        using var client = app.CreateClient();

        var wrong = await (await client.PostAsJsonAsync("/api/auth/login", new { email = LearningNetworkApp.StaffEmail, password = "not-the-password-at-all" }))
            .Json(HttpStatusCode.Unauthorized);
        var unknown = await (await client.PostAsJsonAsync("/api/auth/login", new { email = $"nobody-{Guid.NewGuid():N}@agency.example", password = "not-the-password-at-all" }))
            .Json(HttpStatusCode.Unauthorized);

        Assert.Equal("The email or password is wrong, or the account is locked.", wrong.GetProperty("detail").GetString());
        Assert.Equal(unknown.GetProperty("detail").GetString(), wrong.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_refused_staff_password_is_in_the_audit_log()
    {
        var staffId = await app.Database.ScalarAsync<Guid>("SELECT id FROM accounts.users WHERE email = @e", ("e", LearningNetworkApp.StaffEmail));
        using var client = app.CreateClient();

        await (await client.PostAsJsonAsync("/api/auth/login", new { email = LearningNetworkApp.StaffEmail, password = LearningNetworkApp.StaffPassword })).ShouldBe(HttpStatusCode.Unauthorized);

        Assert.True(await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM accounts.audit_log WHERE action = 'SignInFailed' AND entity_id = @id AND summary LIKE '%password sign-in is off for staff%'", ("id", staffId)) >= 1);
    }

    [Fact]
    public async Task Choosing_the_organisation_account_sends_the_browser_to_the_provider_for_a_code_with_PKCE()
    {
        using var browser = app.BrowserClient(allowAutoRedirect: false);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await browser.GetAsync("/login?returnUrl=%2Fstaff%2Fsessions");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Sign in with your organisation account", html, StringComparison.Ordinal);
        // Forms may lead to the provider: the sign-in and sign-out buttons are redirected there.
        Assert.Contains($"form-action 'self' {app.Provider.Authority.TrimEnd('/')}", Assert.Single(page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        using var choose = new HttpRequestMessage(HttpMethod.Post, "/login?handler=Organisation")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", FormToken().Match(html).Groups[1].Value), new("ReturnUrl", "/staff/sessions")]),
        };
        var response = await browser.SendAsync(choose);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(app.Provider.Authority + "connect/authorize?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(TestIdentityProvider.ClientId, query["client_id"]);
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.Contains("email", query["scope"]!.Split(' '));
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
    }

    [Fact]
    public async Task The_completion_page_without_an_answer_from_the_provider_says_the_sign_in_did_not_complete()
    {
        using var browser = app.BrowserClient(allowAutoRedirect: false);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await browser.GetAsync("/login/organisation?returnUrl=%2Fstaff");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The sign-in with your organisation account did not complete. Try again.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_that_the_provider_did_not_send_is_a_page_that_says_so_not_an_error()
    {
        using var browser = app.BrowserClient(allowAutoRedirect: false);

        var forged = await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent([new("code", "made-up"), new("state", "made-up")]));

        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal("/login/organisation", forged.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://login.example", null, null)]
    [InlineData("https://login.example", "client", null)]
    [InlineData(null, "client", "secret")]
    public void Single_sign_on_settings_are_all_there_or_none_is(string? authority, string? clientId, string? clientSecret)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Oidc:Authority"] = authority,
            ["Oidc:ClientId"] = clientId,
            ["Oidc:ClientSecret"] = clientSecret,
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => SingleSignOnSettings.From(configuration));
        Assert.Contains("Oidc:Authority, Oidc:ClientId and Oidc:ClientSecret", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_sign_in_cannot_be_switched_off_for_staff_without_single_sign_on()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Oidc:StaffPasswordSignIn"] = "false" }).Build();

        Assert.Throws<InvalidOperationException>(() => SingleSignOnSettings.From(configuration));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5001/", false)]
    [InlineData("http://localhost:5001/", false)]
    [InlineData("http://[::1]:5001/", false)]
    [InlineData("http://login.example/", true)]
    [InlineData("https://login.microsoftonline.com/tenant/v2.0", true)]
    public void Provider_metadata_over_plain_HTTP_is_accepted_only_from_this_machine(string authority, bool httpsRequired)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Oidc:Authority"] = authority,
            ["Oidc:ClientId"] = "client",
            ["Oidc:ClientSecret"] = "secret",
        }).Build();

        Assert.Equal(httpsRequired, SingleSignOnSettings.From(configuration).RequireHttpsMetadata);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    /// <summary>The host configured for a real provider on loopback, staff password sign-in off.</summary>
    public sealed class SingleSignOnApp : LearningNetworkApp
    {
        public TestIdentityProvider Provider { get; } = new();

        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = new Dictionary<string, string?>(Provider.HostSettings) { ["Oidc:StaffPasswordSignIn"] = "false" };
                return settings;
            }
        }

        protected override void StartHost()
        {
            Provider.StartAsync("https://localhost").GetAwaiter().GetResult();
            base.StartHost();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Provider.DisposeAsync();
            GC.SuppressFinalize(this);
        }
    }
}

/// <summary>The provider cannot be reached (down, or a wrong address): the sign-in page says so, and passwords still work.</summary>
public sealed partial class UnreachableProviderTests(UnreachableProviderTests.UnreachableProviderApp app) : IClassFixture<UnreachableProviderTests.UnreachableProviderApp>
{
    [Fact]
    public async Task Choosing_the_organisation_account_while_the_provider_is_down_shows_the_sign_in_page_with_a_clear_message()
    {
        using var browser = app.BrowserClient(allowAutoRedirect: false);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var html = await (await browser.GetAsync("/login")).Content.ReadAsStringAsync();

        using var choose = new HttpRequestMessage(HttpMethod.Post, "/login?handler=Organisation")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", FormToken().Match(html).Groups[1].Value)]),
        };
        var response = await browser.SendAsync(choose);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Signing in with your organisation account is not possible right now.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await browser.PostAsJsonAsync("/api/auth/login", new { email = LearningNetworkApp.StaffEmail, password = LearningNetworkApp.StaffPassword })).ShouldBe(HttpStatusCode.OK);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    /// <summary>Single sign-on pointed at a loopback port where nothing listens; staff passwords left on.</summary>
    public sealed class UnreachableProviderApp : LearningNetworkApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Oidc:Authority"] = $"http://127.0.0.1:{HostProcess.FreePort()}/",
            ["Oidc:ClientId"] = TestIdentityProvider.ClientId,
            ["Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
        };
    }
}
