using MediatR;

namespace LearningNetwork.Notifications.Contracts;

/// <summary>How the emails of these kinds due on the days FirstDay to LastDay (UTC, both included) fared, for reports.</summary>
public sealed record GetEmailFigures(DateOnly FirstDay, DateOnly LastDay, IReadOnlyCollection<EmailKind> Kinds) : IRequest<EmailFigures>;

public sealed record EmailFigures(int Sent, int Failed, int Pending);
