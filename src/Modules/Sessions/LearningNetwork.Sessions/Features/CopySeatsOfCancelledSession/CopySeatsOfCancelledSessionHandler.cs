using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Sessions.Features.Shared;
using MediatR;

namespace LearningNetwork.Sessions.Features.CopySeatsOfCancelledSession;

/// <summary>A cancelled session's seats were emptied: its copy of the seat figures is marked due.</summary>
internal sealed class CopySeatsOfCancelledSessionHandler(SessionCopies copies) : INotificationHandler<SeatsOfCancelledSessionReleased>
{
    public Task Handle(SeatsOfCancelledSessionReleased notification, CancellationToken cancellationToken) =>
        copies.MarkSeatsAsync(notification.SessionId, cancellationToken);
}
