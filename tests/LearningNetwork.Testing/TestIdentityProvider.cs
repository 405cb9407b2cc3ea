using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LearningNetwork.Testing;

/// <summary>
/// A real OpenID Connect provider on loopback, for the single sign-on tests: OpenIddict's server on
/// Kestrel, over plain HTTP (the host accepts HTTP metadata only from a loopback authority), with
/// a discovery document, a JWKS, the authorization, token and end-session endpoints, and its own
/// sign-in page and session cookie, as an organisation's provider has. It knows one client, the
/// host under test, with its client secret and redirect URIs. OpenIddict runs in its degraded mode
/// (no database): codes are self-contained, and the client is checked by the handlers below.
/// Anyone may sign in at this provider by typing an email address; whether the provider says it
/// verified that address is up to the test (<see cref="SetEmailVerified"/>).
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "learningnetwork-tests";
    public const string ClientSecret = "test-provider-client-secret-8b1f";
    private const string SessionScheme = "provider-session";

    private readonly int _port = HostProcess.FreePort();
    private readonly ConcurrentDictionary<string, bool?> _verified = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SecurityKey> _everyKey = [];
    private readonly WebApplication _app;
    private string _clientBaseUrl = "";
    private int _keys;
    private int _endedSessions;
    private int _tokensIssued;

    public TestIdentityProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAuthentication(SessionScheme).AddCookie(SessionScheme, options => options.Cookie.Name = "TestProvider.Session");
        builder.Services.AddAuthorization();
        var firstKey = NewKey();
        _everyKey.Add(firstKey);
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/endsession");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.Email, Scopes.Profile);
            options.AddSigningKey(firstKey);
            options.AddEphemeralEncryptionKey();
            options.DisableAccessTokenEncryption();
            options.EnableDegradedMode();
            options.DisableTokenStorage();
            options.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .DisableTransportSecurityRequirement();
            options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (context.RedirectUri != _clientBaseUrl + "/signin-oidc")
                {
                    context.Reject(Errors.InvalidRequest, "The redirect_uri is not registered.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && uri != _clientBaseUrl + "/signout-callback-oidc")
                {
                    context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not registered.");
                }

                return default;
            }));
        });

        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapMethods("/connect/authorize", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)AuthorizeAsync);
        _app.MapPost("/account/login", (Func<HttpContext, Task<IResult>>)SignInAtProviderAsync);
        _app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)IssueTokensAsync);
        _app.MapMethods("/connect/endsession", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)EndSessionAsync);
    }

    /// <summary>The issuer, as <c>Oidc__Authority</c>.</summary>
    public string Authority => $"http://127.0.0.1:{_port}/";

    /// <summary>How many times the provider's own session was ended through its end-session endpoint.</summary>
    public int EndedSessions => Volatile.Read(ref _endedSessions);

    /// <summary>How many token responses (each with an ID token) the provider has given.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>The settings that point the host at this provider.</summary>
    public IDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["Oidc:Authority"] = Authority,
        ["Oidc:ClientId"] = ClientId,
        ["Oidc:ClientSecret"] = ClientSecret,
    };

    /// <summary>Starts serving; only this client (the host at <paramref name="clientBaseUrl"/>) may use it.</summary>
    public async Task StartAsync(string clientBaseUrl)
    {
        _clientBaseUrl = clientBaseUrl.TrimEnd('/');
        await _app.StartAsync();
    }

    /// <summary>What the ID token says of this address: email_verified true (the default), false, or nothing (null).</summary>
    public void SetEmailVerified(string email, bool? verified) => _verified[email] = verified;

    /// <summary>
    /// The provider switches to a new signing key: new tokens are signed with it, and the JWKS
    /// publishes only the new key from now on, as after a rotation whose overlap has ended.
    /// </summary>
    public void RotateSigningKey()
    {
        var options = _app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        var key = NewKey();
        lock (_everyKey)
        {
            _everyKey.Add(key);
            options.SigningCredentials.Clear();
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
            // The provider still reads the codes it issued before the switch.
            options.TokenValidationParameters.IssuerSigningKeys = [.. _everyKey];
        }
    }

    /// <summary>The key id the provider signs with now.</summary>
    public string CurrentKeyId =>
        _app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials[0].Key.KeyId;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = $"test-provider-key-{Interlocked.Increment(ref _keys)}" };

    /// <summary>Signed in at the provider: straight back with a code. Else the provider's own sign-in page.</summary>
    private async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(SessionScheme);
        if (!session.Succeeded || session.Principal.FindFirstValue(Claims.Email) is not { } email)
        {
            var returnUrl = WebUtility.HtmlEncode(context.Request.PathBase + context.Request.Path + context.Request.QueryString);
            return Results.Content($$"""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Organisation sign-in</title></head>
                <body><main><h1>Organisation sign-in</h1>
                <form method="post" action="/account/login">
                <input type="hidden" name="returnUrl" value="{{returnUrl}}">
                <label for="email">Organisation email</label> <input id="email" name="email" type="email">
                <button type="submit">Continue</button>
                </form></main></body></html>
                """, "text/html; charset=utf-8");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, "provider-" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email.ToUpperInvariant())))[..16]));
        identity.AddClaim(new Claim(Claims.Email, email));
        identity.AddClaim(new Claim(Claims.Name, email));
        var verified = _verified.GetValueOrDefault(email, true);
        if (verified is { } value)
        {
            identity.AddClaim(new Claim(Claims.EmailVerified, value ? "true" : "false", ClaimValueTypes.Boolean));
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> SignInAtProviderAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        if (string.IsNullOrWhiteSpace(form["email"]) || !returnUrl.StartsWith("/connect/authorize", StringComparison.Ordinal))
        {
            return Results.BadRequest();
        }

        var identity = new ClaimsIdentity([new Claim(Claims.Email, form["email"].ToString().Trim())], SessionScheme);
        await context.SignInAsync(SessionScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    /// <summary>The code (checked by OpenIddict: client, PKCE verifier, expiry) becomes tokens for whoever it was issued to.</summary>
    private async Task<IResult> IssueTokensAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!request.IsAuthorizationCodeGrantType())
        {
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = code.Principal ?? throw new InvalidOperationException("The code carried no principal.");
        principal.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        Interlocked.Increment(ref _tokensIssued);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Ends the provider's session, then OpenIddict sends the browser to the client's post-logout URI.</summary>
    private async Task<IResult> EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(SessionScheme);
        Interlocked.Increment(ref _endedSessions);
        return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
