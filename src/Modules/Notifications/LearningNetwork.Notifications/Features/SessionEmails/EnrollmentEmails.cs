using System.Globalization;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using LearningNetwork.Notifications.Sending;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Notifications.Features.SessionEmails;

/// <summary>Tells a manager at once what happened to their enrollment. One email per event, whatever redelivery does.</summary>
internal sealed class EnrollmentEmailsHandler(NotificationsDbContext db, SessionMail mail, SendLog sendLog)
    : INotificationHandler<EnrollmentConfirmed>,
      INotificationHandler<EnrollmentWaitlisted>,
      INotificationHandler<WaitlistPromoted>,
      INotificationHandler<EnrollmentCancelled>
{
    public Task Handle(EnrollmentConfirmed notification, CancellationToken cancellationToken) =>
        SendAsync(EmailKind.EnrollmentConfirmed, $"enrollment-confirmed:{notification.EnrollmentId}", notification.SessionId, notification.ClusterManagerId, null, "PUBLISH", cancellationToken,
            Seen(notification.Session, notification.Enrollee));

    public Task Handle(EnrollmentWaitlisted notification, CancellationToken cancellationToken) =>
        SendAsync(EmailKind.Waitlisted, $"waitlisted:{notification.EnrollmentId}", notification.SessionId, notification.ClusterManagerId,
            new Dictionary<string, string> { ["position"] = notification.Position.ToString(CultureInfo.InvariantCulture) }, icsMethod: null, cancellationToken,
            Seen(notification.Session, notification.Enrollee));

    public Task Handle(WaitlistPromoted notification, CancellationToken cancellationToken) =>
        SendAsync(EmailKind.WaitlistPromoted, $"promoted:{notification.EnrollmentId}", notification.SessionId, notification.ClusterManagerId, null, "PUBLISH", cancellationToken);

    public async Task Handle(EnrollmentCancelled notification, CancellationToken cancellationToken)
    {
        // Whatever was still waiting for this person and session (a reminder about to go) stops.
        await db.Emails
            .Where(e => e.SessionId == notification.SessionId && e.ClusterManagerId == notification.ClusterManagerId
                        && e.Status == EmailStatus.Pending && (e.Kind == EmailKind.Reminder || e.Kind == EmailKind.FollowUp))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, EmailStatus.Skipped).SetProperty(e => e.LastError, "Enrollment cancelled"), cancellationToken);
        if (notification.Cause is CancellationCause.ByEnrollee or CancellationCause.ByStaff)
        {
            await SendAsync(EmailKind.EnrollmentCancelled, $"enrollment-cancelled:{notification.EnrollmentId}", notification.SessionId, notification.ClusterManagerId,
                null, notification.PreviousStatus == EnrollmentStatus.Confirmed ? "CANCEL" : null, cancellationToken);
        }
    }

    /// <summary>
    /// The session and the manager carried by the event, as the enrollment read them a moment
    /// earlier: a busy session's confirmations need not ask both modules again, one by one.
    /// </summary>
    private static (SessionSnapshot? Session, ClusterManagerSummary? Manager)? Seen(SessionSnapshot? session, ClusterManagerSummary? enrollee) =>
        session is not null && enrollee is not null ? (session, enrollee) : null;

    private async Task SendAsync(EmailKind kind, string sourceKey, Guid sessionId, Guid managerId, IDictionary<string, string>? extra, string? icsMethod, CancellationToken cancellationToken,
        (SessionSnapshot? Session, ClusterManagerSummary? Manager)? seen = null)
    {
        var (session, manager) = seen ?? await mail.LoadAsync(sessionId, managerId, cancellationToken);
        if (session is null || manager is null)
        {
            return; // deactivated managers get no more email
        }

        await sendLog.AddOnceAsync(db, await mail.BuildAsync(kind, sourceKey, session, manager, extra, icsMethod), cancellationToken);
    }
}
