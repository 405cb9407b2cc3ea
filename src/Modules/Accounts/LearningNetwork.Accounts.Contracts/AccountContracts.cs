using MediatR;

namespace LearningNetwork.Accounts.Contracts;

/// <summary>The languages the system speaks to people in.</summary>
public static class Languages
{
    public const string Dutch = "nl";
    public const string English = "en";
    public const string French = "fr";

    public static readonly IReadOnlyList<string> All = [Dutch, English, French];
}

/// <summary>Why a one-time account link was issued.</summary>
public enum AccountLinkPurpose
{
    /// <summary>A new account: the link activates it and sets the first password.</summary>
    Invitation,

    /// <summary>Forgot password: the link sets a new one.</summary>
    PasswordReset,
}

/// <summary>
/// Someone asked for a password reset link. The Accounts module answers the request at once, the
/// same for every address, and looks the address up afterwards from its outbox, so neither the
/// answer nor its timing says whether the address has an account. The address is protected
/// (data protection), never stored in the clear.
/// </summary>
public sealed record PasswordResetAsked(string ProtectedEmail, string? ClientAddress) : LearningNetwork.BuildingBlocks.Contracts.IntegrationEvent;

/// <summary>
/// A one-time link for an account must be emailed. The token is protected with
/// BuildingBlocks' EmailSecrets purpose: only the email renderer reads it.
/// </summary>
public sealed record AccountLinkIssued(
    Guid UserId,
    string Email,
    string FullName,
    string PreferredLanguage,
    AccountLinkPurpose Purpose,
    string ProtectedToken,
    DateTimeOffset ExpiresAt) : LearningNetwork.BuildingBlocks.Contracts.IntegrationEvent;

/// <summary>Which of these emails already belong to an account, and to whose directory entry (null: staff).</summary>
public sealed record FindAccountsByEmail(IReadOnlyCollection<string> Emails) : IRequest<IReadOnlyList<AccountByEmail>>;

public sealed record AccountByEmail(string Email, Guid? ClusterManagerId);

/// <summary>Stops a manager's account at once: no sign-in, open links voided. Harmless when repeated.</summary>
public sealed record DeactivateClusterManagerAccount(Guid ClusterManagerId) : IRequest<Unit>;

/// <summary>Sends a new invitation link, voiding the old one; 409 when the account is already activated.</summary>
public sealed record ResendClusterManagerInvitation(Guid ClusterManagerId) : IRequest<Unit>;

/// <summary>
/// The web UI's sign-in: the same checks as the API's login (lockout, deactivation), but the
/// cookie is written on the current response. Every kind of refusal answers
/// <see cref="PasswordSignInOutcome.Refused"/> alike, except a staff member who gave the right
/// password while password sign-in is off for staff (single sign-on).
/// </summary>
public sealed record SignInWithCookie(string? Email, string? Password) : IRequest<PasswordSignInOutcome>;

/// <summary>How a sign-in with email and password ended.</summary>
public enum PasswordSignInOutcome
{
    SignedIn,

    /// <summary>Wrong email or password, throttled or deactivated: one answer for all, so nobody learns which.</summary>
    Refused,

    /// <summary>
    /// The password was right, but staff sign in with their organisation account (single sign-on)
    /// here. Said only to whoever knows the password, so it tells a stranger nothing.
    /// </summary>
    UseOrganisationAccount,
}

/// <summary>Which ways of signing in the sign-in page offers.</summary>
public sealed record GetSignInMethods : IRequest<SignInMethods>;

/// <param name="OrganisationAccount">Single sign-on with the organisation's OpenID Connect provider is configured.</param>
/// <param name="StaffPasswordSignIn">Staff may still sign in with a password (cluster managers always may).</param>
public sealed record SignInMethods(bool OrganisationAccount, bool StaffPasswordSignIn);

/// <summary>
/// Sends the browser to the organisation's OpenID Connect provider (code flow with PKCE). After
/// the provider's answer the browser comes back to <see cref="SingleSignOnPaths.Completion"/>
/// with <paramref name="ReturnUrl"/>. False when single sign-on is not configured.
/// </summary>
public sealed record StartSingleSignOn(string? ReturnUrl) : IRequest<bool>;

/// <summary>
/// Ends a single sign-on that the provider has answered: the person the provider vouches for
/// (by a verified email address) gets the same cookie as a password sign-in, if that address
/// belongs to an active staff account. The sign-in and every refusal are in the audit log.
/// </summary>
public sealed record CompleteSingleSignOn : IRequest<SingleSignOnResult>;

/// <param name="Email">The address the provider named, when it named one.</param>
public sealed record SingleSignOnResult(SingleSignOnOutcome Outcome, string? Email);

public enum SingleSignOnOutcome
{
    SignedIn,

    /// <summary>The provider's answer did not arrive or was refused (cancelled at the provider, expired, tampered with).</summary>
    NotCompleted,

    /// <summary>The provider named no email address, or did not confirm that it verified it.</summary>
    EmailNotVerified,

    /// <summary>No account has this address: accounts are made by invitation, never by signing in.</summary>
    NoAccount,

    /// <summary>The address is a cluster manager's: managers sign in with their password.</summary>
    NotStaff,

    /// <summary>The staff account is deactivated.</summary>
    Deactivated,
}

/// <summary>Where the web UI's single sign-on comes back to, and where the provider's callbacks are.</summary>
public static class SingleSignOnPaths
{
    /// <summary>The page that finishes the sign-in and shows a refusal (a page of the web UI).</summary>
    public const string Completion = "/login/organisation";

    /// <summary>The redirect URI to register at the provider (the handler's callback).</summary>
    public const string Callback = "/signin-oidc";

    /// <summary>Where the provider sends the browser back after ending its own session.</summary>
    public const string SignedOutCallback = "/signout-callback-oidc";
}

/// <summary>
/// Right after a person chose their password with an invitation or reset link, the web UI signs
/// them in with that link and the password they just chose, so they need not type it again. Only
/// a link used in the last few minutes qualifies; the sign-in itself is the usual one (throttle,
/// deactivation, cookie on the current response). The answer is the signed-in person's preferred
/// language (the next page speaks it), or null for every kind of refusal, alike.
/// </summary>
public sealed record SignInWithUsedLink(string? Token, string? Password) : IRequest<string?>;

/// <summary>
/// The web UI's sign-out: the cookie is removed from the current response, and every cookie and
/// token the account was issued before stops working. For a person who signed in with their
/// organisation account, whose provider can end its own session, the response is also sent on
/// to the provider to end that session (the answer is then true: the response is written).
/// </summary>
public sealed record SignOutCookie(string AfterwardsUrl = "/login") : IRequest<bool>;

/// <summary>
/// After the signed-in person changed their own password (which ends every earlier session),
/// the web UI gives this browser a new cookie, so the person who changed it stays signed in.
/// </summary>
public sealed record RenewCookieSignIn : IRequest<Unit>;

/// <summary>Rate limits the Accounts module registers, for other parts of the host (the UI's sign-in page).</summary>
public static class AccountRateLimits
{
    public const string Login = "accounts-login";
}

/// <summary>
/// Where the accounts of these directory entries stand, for the directory's status: activated or
/// not, and when the latest invitation was sent. An entry whose account is still being created is
/// left out.
/// </summary>
public sealed record GetClusterManagerAccounts(IReadOnlyCollection<Guid> ClusterManagerIds) : IRequest<IReadOnlyList<ClusterManagerAccount>>;

public sealed record ClusterManagerAccount(Guid ClusterManagerId, bool Activated, DateTimeOffset InvitedAt);

/// <summary>
/// Adds an entry to the audit log (append-only: nothing changes or deletes one). People are named
/// by id only, never by name or email, so an erasure leaves the log whole and without personal
/// data. <paramref name="ClientAddress"/> defaults to the current request's client address.
/// </summary>
public sealed record RecordAuditEntry(Guid? ActorId, string Action, string? EntityType, Guid? EntityId, string Summary, string? ClientAddress = null) : IRequest<Unit>;

/// <summary>The actions the audit log names besides the endpoints' own names (a staff request is recorded under its endpoint's name).</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "SignInSucceeded";
    public const string SignInFailed = "SignInFailed";
    public const string AccountLockedOut = "AccountLockedOut";
    public const string PasswordResetRequested = "PasswordResetRequested";
    public const string PasswordReset = "PasswordReset";
    public const string AccountActivated = "AccountActivated";
    public const string PasswordChanged = "PasswordChanged";
    public const string AdminGranted = "AdminGranted";
    public const string AdminWithdrawn = "AdminWithdrawn";
    public const string Export = "Export";
    public const string PersonalDataErased = "PersonalDataErased";
}
