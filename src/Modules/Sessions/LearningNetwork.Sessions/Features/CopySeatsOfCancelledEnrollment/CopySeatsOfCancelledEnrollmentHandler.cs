using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Sessions.Features.Shared;
using MediatR;

namespace LearningNetwork.Sessions.Features.CopySeatsOfCancelledEnrollment;

/// <summary>A seat or a waitlist place was freed: the session's copy of its seat figures is marked due.</summary>
internal sealed class CopySeatsOfCancelledEnrollmentHandler(SessionCopies copies) : INotificationHandler<EnrollmentCancelled>
{
    public Task Handle(EnrollmentCancelled notification, CancellationToken cancellationToken) =>
        copies.MarkSeatsAsync(notification.SessionId, cancellationToken);
}
