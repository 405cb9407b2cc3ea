using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Sessions.Features.Shared;
using MediatR;

namespace LearningNetwork.Sessions.Features.CopySeatsOfPromotedEnrollment;

/// <summary>Someone moved from the waitlist to a seat: the session's copy of its seat figures is marked due.</summary>
internal sealed class CopySeatsOfPromotedEnrollmentHandler(SessionCopies copies) : INotificationHandler<WaitlistPromoted>
{
    public Task Handle(WaitlistPromoted notification, CancellationToken cancellationToken) =>
        copies.MarkSeatsAsync(notification.SessionId, cancellationToken);
}
