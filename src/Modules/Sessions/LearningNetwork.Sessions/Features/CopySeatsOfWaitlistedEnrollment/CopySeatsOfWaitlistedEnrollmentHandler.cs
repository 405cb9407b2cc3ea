using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Sessions.Features.Shared;
using MediatR;

namespace LearningNetwork.Sessions.Features.CopySeatsOfWaitlistedEnrollment;

/// <summary>A place on the waitlist was taken: the session's copy of its seat figures is marked due.</summary>
internal sealed class CopySeatsOfWaitlistedEnrollmentHandler(SessionCopies copies) : INotificationHandler<EnrollmentWaitlisted>
{
    public Task Handle(EnrollmentWaitlisted notification, CancellationToken cancellationToken) =>
        copies.MarkSeatsAsync(notification.SessionId, cancellationToken);
}
