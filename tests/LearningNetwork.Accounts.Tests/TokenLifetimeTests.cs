using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Testing;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LearningNetwork.Accounts.Tests;

/// <summary>
/// A bearer token's lifetime is the token's own, however often it is used: hosts remember what a
/// valid token says (CachedBearerTickets), and that must never keep an expired or altered one working.
/// </summary>
public sealed class TokenLifetimeTests(TokenLifetimeTests.FrozenClockApp app) : IClassFixture<TokenLifetimeTests.FrozenClockApp>
{
    [Fact]
    public async Task A_token_works_on_every_request_until_it_expires_and_an_altered_copy_never_works()
    {
        using var client = await app.StaffClientAsync();
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        }

        using var altered = app.CreateClient();
        var flipped = token[^5] == 'A' ? 'B' : 'A';
        altered.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^5] + flipped + token[^4..]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await altered.GetAsync("/api/me")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2)); // past the 60-minute lifetime
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_cookie_in_constant_use_still_ends_twelve_hours_after_signing_in()
    {
        using var browser = app.BrowserClient();
        await (await browser.PostAsJsonAsync("/api/auth/cookie-login", new { email = LearningNetworkApp.StaffEmail, password = LearningNetworkApp.StaffPassword })).ShouldBe(HttpStatusCode.NoContent);

        // Used every few hours, the cookie slides (it is renewed past half its 8 hours)...
        foreach (var step in new[] { TimeSpan.FromHours(3), TimeSpan.FromHours(3), TimeSpan.FromHours(3), new TimeSpan(2, 59, 0) })
        {
            app.Clock.Advance(step);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
        }

        // ...but not past twelve hours after the password was given.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_link_just_used_signs_its_owner_in_with_the_password_they_chose_for_a_few_minutes_only()
    {
        var email = $"linked-{Guid.NewGuid():N}@agency.example";
        var userId = await app.CreateAccountAsync(email, Roles.Staff);
        var token = SecretTokens.New();
        var now = app.Clock.GetUtcNow();
        await app.Database.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO accounts.account_tokens (id, user_id, purpose, token_hash, created_at, expires_at, used_at)
            VALUES ('{Guid.NewGuid()}', '{userId}', 'Invitation', '{SecretTokens.Hash(token)}', '{now.AddMinutes(-1):yyyy-MM-dd HH:mm:ss}+00', '{now.AddDays(7):yyyy-MM-dd HH:mm:ss}+00', '{now:yyyy-MM-dd HH:mm:ss}+00')
            """));

        // The link alone signs nobody in: the password is checked as on the sign-in page.
        Assert.False(await SignInWithUsedLinkAsync(token, "not-the-password-at-all"));
        Assert.False(await SignInWithUsedLinkAsync(SecretTokens.New(), TestAccounts.Password));
        Assert.True(await SignInWithUsedLinkAsync(token, TestAccounts.Password));

        app.Clock.Advance(TimeSpan.FromMinutes(6)); // the link was used more than five minutes ago
        Assert.False(await SignInWithUsedLinkAsync(token, TestAccounts.Password));
    }

    /// <summary>What the activation page does after the password is set, in a request of its own.</summary>
    private async Task<bool> SignInWithUsedLinkAsync(string token, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SignInWithUsedLink(token, password)) is not null;
    }

    /// <summary>The host on a clock the test moves (background loops that wait on it simply pause).</summary>
    public sealed class FrozenClockApp : LearningNetworkApp
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }
}
