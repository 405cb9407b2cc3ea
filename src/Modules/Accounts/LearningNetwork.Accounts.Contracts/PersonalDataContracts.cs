using LearningNetwork.BuildingBlocks.Contracts;
using MediatR;

namespace LearningNetwork.Accounts.Contracts;

/// <summary>What the Accounts module keeps about a cluster manager: the account (no password hash, stamps or tokens) and the audit entries about it. Null without an account.</summary>
public sealed record ExportAccountPersonalData(Guid ClusterManagerId) : IRequest<AccountPersonalData?>;

public sealed record AccountPersonalData(
    Guid UserId, string Email, string FullName, string PreferredLanguage, IReadOnlyList<string> Roles, bool IsActive, bool Activated,
    DateTimeOffset CreatedAt, DateTimeOffset? LockedOutUntil, IReadOnlyList<AuditEntryAboutPerson> AuditEntries);

public sealed record AuditEntryAboutPerson(DateTimeOffset At, string Action, string Summary, string? ClientAddress);

/// <summary>Deletes the manager's account with its roles, tokens and open links. Harmless when there is none.</summary>
public sealed record EraseAccountPersonalData(DataSubject Subject) : IRequest<MediatR.Unit>;
