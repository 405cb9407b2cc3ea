using MediatR;

namespace LearningNetwork.Notifications.Contracts;

/// <summary>How the emails of these kinds due in [From, To) fared, for reports.</summary>
public sealed record GetEmailFigures(DateTimeOffset From, DateTimeOffset To, IReadOnlyCollection<EmailKind> Kinds) : IRequest<EmailFigures>;

public sealed record EmailFigures(int Sent, int Failed, int Pending);
