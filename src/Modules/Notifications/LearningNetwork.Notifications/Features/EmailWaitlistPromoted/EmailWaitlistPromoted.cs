using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Features.Shared;
using MediatR;

namespace LearningNetwork.Notifications.Features.EmailWaitlistPromoted;

/// <summary>Someone moved from the waitlist onto a seat: they are emailed with the session as .ics.</summary>
internal sealed class EmailWaitlistPromotedHandler(EnrollmentMail mail) : INotificationHandler<WaitlistPromoted>
{
    public Task Handle(WaitlistPromoted notification, CancellationToken cancellationToken) =>
        mail.SendAsync(EmailKind.WaitlistPromoted, $"promoted:{notification.EnrollmentId}", notification.SessionId, notification.ClusterManagerId, null, "PUBLISH", cancellationToken);
}
