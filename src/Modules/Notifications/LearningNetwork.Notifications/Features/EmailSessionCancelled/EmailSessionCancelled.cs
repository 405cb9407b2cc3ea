using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Features.Shared;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Notifications.Features.EmailSessionCancelled;

/// <summary>A session is off: its pending emails stop and its enrollees are told, with the reason.</summary>
internal sealed class EmailSessionCancelledHandler(SessionChangeMail mail) : INotificationHandler<SessionCancelled>
{
    public async Task Handle(SessionCancelled notification, CancellationToken cancellationToken)
    {
        await mail.SkipPendingAsync(notification.Session.SessionId, "Session cancelled", cancellationToken);
        // Live enrollments, or ones ended by this very cancellation (Enrollments may have handled it first).
        await mail.TellEnrolleesAsync(EmailKind.SessionCancelled, $"session-cancelled:{notification.EventId}", notification.Session,
            e => e.Status != EnrollmentStatus.Cancelled || e.CancellationCause == CancellationCause.SessionCancelled,
            "CANCEL", new Dictionary<string, string> { ["reason"] = notification.Reason }, cancellationToken);
    }
}
