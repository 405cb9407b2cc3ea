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

/// <summary>Who a user account is, for modules that need a name or language (e.g. to write an email).</summary>
public sealed record AccountSummary(Guid UserId, string Email, string FullName, string PreferredLanguage, IReadOnlyList<string> Roles, Guid? ClusterManagerId, bool IsActive);

/// <summary>Ask the Accounts module for one account; null when there is none.</summary>
public sealed record GetAccount(Guid UserId) : IRequest<AccountSummary?>;
