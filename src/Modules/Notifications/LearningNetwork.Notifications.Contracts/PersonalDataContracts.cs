using LearningNetwork.BuildingBlocks.Contracts;
using MediatR;

namespace LearningNetwork.Notifications.Contracts;

/// <summary>The emails sent (or due) to a person: kind, subject, dates and state.</summary>
public sealed record ExportEmailPersonalData(DataSubject Subject) : IRequest<IReadOnlyList<EmailRecord>>;

public sealed record EmailRecord(EmailKind Kind, string? Subject, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string Status);

/// <summary>
/// Anonymises the person's send-log rows (recipient, name, stored values and bodies, errors) and
/// skips those not sent yet; the rows stay, so email figures stay the same.
/// </summary>
public sealed record EraseEmailPersonalData(DataSubject Subject) : IRequest<MediatR.Unit>;
