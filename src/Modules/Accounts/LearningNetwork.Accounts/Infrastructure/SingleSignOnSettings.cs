using System.Net;
using Microsoft.Extensions.Configuration;

namespace LearningNetwork.Accounts.Infrastructure;

/// <summary>
/// The <c>Oidc</c> settings: single sign-on for staff with the organisation's OpenID Connect
/// provider (docs/decisions/0028-single-sign-on-for-staff-by-verified-email.md). Off unless the
/// authority, the client id and the client secret are all set; some but not all is a mistake the
/// host refuses to start with.
/// </summary>
internal sealed class SingleSignOnSettings
{
    /// <summary>The handler's authentication scheme.</summary>
    public const string Scheme = "OpenIdConnect";

    public string? Authority { get; private init; }

    public string? ClientId { get; private init; }

    public string? ClientSecret { get; private init; }

    public bool Enabled => Authority is not null;

    /// <summary>False: staff accounts no longer sign in with a password (the sign-in page and <c>POST /api/auth/login</c>).</summary>
    public bool StaffPasswordSignIn { get; private init; } = true;

    /// <summary>
    /// True (the default): the ID token must say <c>email_verified: true</c>. False: a token that
    /// does not say (as Microsoft Entra ID's do not) is believed; one that says false never is.
    /// </summary>
    public bool EmailVerifiedClaimRequired { get; private init; } = true;

    public static SingleSignOnSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Oidc");
        string? Value(string key) => string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();
        var authority = Value("Authority");
        var clientId = Value("ClientId");
        var clientSecret = Value("ClientSecret");
        var set = new[] { authority, clientId, clientSecret }.Count(v => v is not null);
        if (set is not 0 and not 3)
        {
            throw new InvalidOperationException(
                "Single sign-on needs all of Oidc:Authority, Oidc:ClientId and Oidc:ClientSecret (or none of them, to switch it off). See docs/operations.md.");
        }

        if (authority is not null && !Uri.TryCreate(authority, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"Oidc:Authority is not an absolute address: '{authority}'.");
        }

        var staffPasswordSignIn = section.GetValue("StaffPasswordSignIn", true);
        if (!staffPasswordSignIn && authority is null)
        {
            throw new InvalidOperationException(
                "Oidc:StaffPasswordSignIn=false would leave staff no way to sign in: single sign-on (Oidc:Authority, Oidc:ClientId, Oidc:ClientSecret) is not configured.");
        }

        return new SingleSignOnSettings
        {
            Authority = authority,
            ClientId = clientId,
            ClientSecret = clientSecret,
            StaffPasswordSignIn = staffPasswordSignIn,
            EmailVerifiedClaimRequired = section.GetValue("EmailVerifiedClaimRequired", true),
        };
    }

    /// <summary>
    /// The provider's metadata must come over HTTPS, except from this machine itself (a provider on
    /// a loopback address is reached by no network, so plain HTTP exposes nothing).
    /// </summary>
    public bool RequireHttpsMetadata =>
        !(Uri.TryCreate(Authority, UriKind.Absolute, out var uri)
          && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address))));
}
