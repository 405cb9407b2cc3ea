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
        notification.ToldOtherwise ? Task.CompletedTask : SendAsync(EmailKind.EnrollmentConfirmed, $"enrollment-confirmed:{notification.EnrollmentId}", notification.SessionId, notification.ClusterManagerId, null, "PUBLISH", cancellationToken,
            notification.Session, notification.Enrollee);

    public Task Handle(EnrollmentWaitlisted notification, CancellationToken cancellationToken) =>
        SendAsync(EmailKind.Waitlisted, $"waitlisted:{notification.EnrollmentId}", notification.SessionId, notification.ClusterManagerId,
            new Dictionary<string, string> { ["position"] = notification.Position.ToString(CultureInfo.InvariantCulture) }, icsMethod: null, cancellationToken,
            notification.Session, notification.Enrollee);

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
    /// The event may carry the session and the manager as the enrollment read them a moment
    /// earlier (<paramref name="carriedSession"/>, <paramref name="carriedManager"/>): then a busy
    /// session's confirmations need not ask both modules again, one by one. Else they are asked.
    /// </summary>
    private async Task SendAsync(EmailKind kind, string sourceKey, Guid sessionId, Guid managerId, IDictionary<string, string>? extra, string? icsMethod, CancellationToken cancellationToken,
        SessionSnapshot? carriedSession = null, ClusterManagerSummary? carriedManager = null)
    {
        var (session, manager) = carriedSession is not null && carriedManager is not null
            ? (carriedSession, carriedManager)
            : await mail.LoadAsync(sessionId, managerId, cancellationToken);
        if (session is null || manager is null)
        {
            return; // deactivated managers get no more email
        }

        await sendLog.AddOnceAsync(db, await mail.BuildAsync(kind, sourceKey, session, manager, extra, icsMethod), cancellationToken);
    }
}
