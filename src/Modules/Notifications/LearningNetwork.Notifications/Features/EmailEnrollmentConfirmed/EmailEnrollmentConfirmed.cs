using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Features.Shared;
using MediatR;

namespace LearningNetwork.Notifications.Features.EmailEnrollmentConfirmed;

/// <summary>A confirmed seat is emailed with the session as .ics, unless the enrollee was told otherwise (a learning network's welcome).</summary>
internal sealed class EmailEnrollmentConfirmedHandler(EnrollmentMail mail) : INotificationHandler<EnrollmentConfirmed>
{
    public Task Handle(EnrollmentConfirmed notification, CancellationToken cancellationToken) =>
        notification.ToldOtherwise ? Task.CompletedTask : mail.SendAsync(EmailKind.EnrollmentConfirmed, $"enrollment-confirmed:{notification.EnrollmentId}", notification.SessionId, notification.ClusterManagerId, null, "PUBLISH", cancellationToken,
            notification.Session, notification.Enrollee);
}
