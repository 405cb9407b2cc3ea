using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Features.Shared;
using LearningNetwork.Notifications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Notifications.Features.EmailEnrollmentCancelled;

/// <summary>
/// An enrollment ended: what was still waiting for that person and session stops, and a cancellation
/// by the enrollee or staff is emailed (other causes have their own email, or none).
/// </summary>
internal sealed class EmailEnrollmentCancelledHandler(NotificationsDbContext db, EnrollmentMail mail) : INotificationHandler<EnrollmentCancelled>
{
    public async Task Handle(EnrollmentCancelled notification, CancellationToken cancellationToken)
    {
        // Whatever was still waiting for this person and session (a reminder about to go) stops.
        await db.Emails
            .Where(e => e.SessionId == notification.SessionId && e.ClusterManagerId == notification.ClusterManagerId
                        && e.Status == EmailStatus.Pending && (e.Kind == EmailKind.Reminder || e.Kind == EmailKind.FollowUp))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, EmailStatus.Skipped).SetProperty(e => e.LastError, "Enrollment cancelled"), cancellationToken);
        if (notification.Cause is CancellationCause.ByEnrollee or CancellationCause.ByStaff)
        {
            await mail.SendAsync(EmailKind.EnrollmentCancelled, $"enrollment-cancelled:{notification.EnrollmentId}", notification.SessionId, notification.ClusterManagerId,
                null, notification.PreviousStatus == EnrollmentStatus.Confirmed ? "CANCEL" : null, cancellationToken);
        }
    }
}
