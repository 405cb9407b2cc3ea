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
/// cookie is written on the current response. False for every kind of refusal, alike.
/// </summary>
public sealed record SignInWithCookie(string? Email, string? Password) : IRequest<bool>;

/// <summary>The web UI's sign-out: the cookie is removed from the current response.</summary>
public sealed record SignOutCookie : IRequest<Unit>;

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
