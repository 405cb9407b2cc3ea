using LearningNetwork.Accounts.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace LearningNetwork.Accounts.Infrastructure;

/// <summary>
/// ASP.NET Core's own OpenID Connect handler, set up for staff sign-in: the code flow with PKCE,
/// the provider's endpoints and signing keys from its discovery document (fetched again when a
/// token is signed with a key it has not seen, so a key rotation at the provider needs nothing
/// here). The handler only proves who the provider vouches for: it signs into the short-lived
/// external cookie, and <see cref="Features.CompleteSingleSignOn.CompleteSingleSignOnHandler"/>
/// decides whether that person is one of our staff.
/// </summary>
internal static class SingleSignOn
{
    /// <summary>Marks a sign-in that was already started again once after an unknown signing key.</summary>
    private const string RetriedItem = "ln-sso-retried";

    public static AuthenticationBuilder AddSingleSignOn(this AuthenticationBuilder authentication, SingleSignOnSettings settings)
    {
        if (!settings.Enabled)
        {
            return authentication;
        }

        // A refresh that token validation asks for (a signing key it has not seen) is made by the
        // next read of the provider's configuration itself, not by a background task that the read
        // does not wait for; so the sign-in started again below meets the provider's new keys.
        AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);

        return authentication.AddOpenIdConnect(SingleSignOnSettings.Scheme, "Organisation account", options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.Scope.Clear();
            options.Scope.Add(OpenIdConnectScope.OpenId);
            options.Scope.Add(OpenIdConnectScope.Email);
            options.Scope.Add("profile");
            options.CallbackPath = SingleSignOnPaths.Callback;
            options.SignedOutCallbackPath = SingleSignOnPaths.SignedOutCallback;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            // The staff cookie keeps the ID token, which the provider's end-session endpoint is given
            // as id_token_hint at sign-out.
            options.SignOutScheme = IdentityConstants.ApplicationScheme;
            options.SaveTokens = true;
            // The provider's claim names as they are (email, email_verified), not renamed to WS-* URIs.
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.DisableTelemetry = true;
            options.Events = new OpenIdConnectEvents
            {
                // Cancelled at the provider, an error from it, a late or replayed answer: the person
                // gets the completion page's "did not complete", never an exception page.
                OnRemoteFailure = async context =>
                {
                    // The provider signed the ID token with a key not in the configuration read
                    // earlier: it has rotated its keys. The handler has asked for its configuration
                    // again; the sign-in starts once more (the provider, still signed in, answers at
                    // once), and the person does not notice.
                    if (context.Failure is SecurityTokenInvalidSignatureException
                        && context.Properties is { } retry
                        && retry.Items.TryAdd(RetriedItem, "1"))
                    {
                        await context.HttpContext.ChallengeAsync(SingleSignOnSettings.Scheme, retry);
                        context.HandleResponse();
                        return;
                    }

                    var services = context.HttpContext.RequestServices;
                    services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn))
                        .LogWarning(context.Failure, "A sign-in with an organisation account did not complete.");
                    await services.GetRequiredService<IMediator>().Send(new RecordAuditEntry(null, AuditActions.SignInFailed, "Account", null,
                        "Sign-in with an organisation account did not complete: the provider's answer was missing, refused or cancelled"));
                    await context.HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
                    context.Response.Redirect(SingleSignOnPaths.Completion);
                    context.HandleResponse();
                },
            };
        });
    }

    /// <summary>True when the provider says where to end its own session (its end_session_endpoint).</summary>
    public static async Task<bool> ProviderEndsSessionsAsync(OpenIdConnectOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (options.ConfigurationManager is null)
        {
            return false;
        }

        try
        {
            var configuration = await options.ConfigurationManager.GetConfigurationAsync(cancellationToken);
            return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            // The provider cannot be reached: sign out here, which is what matters for this application.
            logger.LogWarning(exception, "The single sign-on provider's configuration could not be read; signing out locally only.");
            return false;
        }
    }
}
