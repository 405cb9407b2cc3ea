using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Features.Shared;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Notifications.Features.EmailSessionRescheduled;

/// <summary>A session moved: its jobs are planned for the new times, emails due at the old times stop, and its enrollees are told.</summary>
internal sealed class EmailSessionRescheduledHandler(ReminderScheduler scheduler, SessionChangeMail mail) : INotificationHandler<SessionRescheduled>
{
    public async Task Handle(SessionRescheduled notification, CancellationToken cancellationToken)
    {
        var session = notification.Session;
        scheduler.Schedule(session);
        await mail.SkipPendingAsync(session.SessionId, "Session rescheduled", cancellationToken);
        await mail.TellEnrolleesAsync(EmailKind.SessionRescheduled, $"rescheduled:{notification.EventId}", session, e => e.Status != EnrollmentStatus.Cancelled, "PUBLISH", null, cancellationToken);
    }
}
