using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Testing;

namespace LearningNetwork.Accounts.Tests;

/// <summary>
/// A session ends on the server, not just in one browser: after signing out, or a password change
/// or reset, a copy of an earlier cookie or token (a stolen one, one on a forgotten device) no
/// longer works, within a minute on every host.
/// </summary>
public sealed class SessionEndTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    private static readonly TimeSpan WithinAMinute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Signing_out_in_the_web_UI_makes_a_copy_of_the_cookie_useless()
    {
        var email = $"sign-out-{Guid.NewGuid():N}@agency.example";
        await app.CreateAccountAsync(email, Roles.Staff);
        using var browser = app.Server.CreateClient();
        browser.BaseAddress = new Uri("https://localhost");
        var cookie = await CookieSignInAsync(browser, email, TestAccounts.Password);
        var copy = cookie;
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(browser, "/api/me", copy)).StatusCode);

        // The sign-out form, as the browser posts it: with the page's antiforgery token.
        var page = await GetWithCookieAsync(browser, "/account/password", cookie);
        var antiforgeryCookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var formToken = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/logout") { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", formToken)]) };
        signOut.Headers.Add("Cookie", $"{cookie}; {antiforgeryCookie}");
        var signedOut = await browser.SendAsync(signOut);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/login", signedOut.Headers.Location?.OriginalString);

        await Eventually.TrueAsync(async () => (await GetWithCookieAsync(browser, "/api/me", copy)).StatusCode == HttpStatusCode.Unauthorized, WithinAMinute);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithCookieAsync(browser, "/api/me", copy)).StatusCode);
    }

    [Fact]
    public async Task After_a_password_change_earlier_cookies_and_tokens_stop_working_on_every_host()
    {
        var email = $"change-{Guid.NewGuid():N}@agency.example";
        await app.CreateAccountAsync(email, Roles.Staff);
        using var earlierToken = await app.SignedInClientAsync(email, TestAccounts.Password);
        using var browser = app.Server.CreateClient();
        browser.BaseAddress = new Uri("https://localhost");
        var earlierCookie = await CookieSignInAsync(browser, email, TestAccounts.Password);
        await using var otherHost = app.AnotherHost();
        using var onTheOtherHost = otherHost.CreateClient();
        onTheOtherHost.DefaultRequestHeaders.Authorization = earlierToken.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await onTheOtherHost.GetAsync("/api/me")).StatusCode);

        using var changing = await app.SignedInClientAsync(email, TestAccounts.Password);
        await (await changing.PostAsJsonAsync("/api/me/password", new { currentPassword = TestAccounts.Password, newPassword = "A-New-Password-456" })).ShouldBe(HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.Unauthorized, (await earlierToken.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithCookieAsync(browser, "/api/me", earlierCookie)).StatusCode);
        await Eventually.TrueAsync(async () => (await onTheOtherHost.GetAsync("/api/me")).StatusCode == HttpStatusCode.Unauthorized, WithinAMinute,
            "a token issued before the change still works on another host");
        using var signedInAgain = await app.SignedInClientAsync(email, "A-New-Password-456");
        Assert.Equal(HttpStatusCode.OK, (await signedInAgain.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task After_a_password_reset_earlier_tokens_stop_working()
    {
        var email = $"reset-{Guid.NewGuid():N}@agency.example";
        await app.CreateAccountAsync(email, Roles.Staff);
        using var earlierToken = await app.SignedInClientAsync(email, TestAccounts.Password);
        using var anonymous = app.CreateClient();

        await (await anonymous.PostAsJsonAsync("/api/auth/forgot-password", new { email })).ShouldBe(HttpStatusCode.Accepted);
        var link = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Headers["X-LearningNetwork-Kind"] == "PasswordReset");
        await (await anonymous.PostAsJsonAsync("/api/auth/reset-password", new { token = Api.TokenFrom(link), password = "Reset-Password-789" })).ShouldBe(HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.Unauthorized, (await earlierToken.GetAsync("/api/me")).StatusCode);
    }

    /// <summary>Signs in as the web UI does and returns the cookie ("name=value") the browser got.</summary>
    private static async Task<string> CookieSignInAsync(HttpClient browser, string email, string password)
    {
        var login = await browser.PostAsJsonAsync("/api/auth/cookie-login", new { email, password });
        await login.ShouldBe(HttpStatusCode.NoContent);
        return Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("LearningNetwork.Auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static Task<HttpResponseMessage> GetWithCookieAsync(HttpClient browser, string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return browser.SendAsync(request);
    }
}
