using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Sessions.Features.Shared;
using MediatR;

namespace LearningNetwork.Sessions.Features.CopySeatsOfConfirmedEnrollment;

/// <summary>A seat was taken: the session's copy of its seat figures is marked due.</summary>
internal sealed class CopySeatsOfConfirmedEnrollmentHandler(SessionCopies copies) : INotificationHandler<EnrollmentConfirmed>
{
    public Task Handle(EnrollmentConfirmed notification, CancellationToken cancellationToken) =>
        copies.MarkSeatsAsync(notification.SessionId, cancellationToken);
}
