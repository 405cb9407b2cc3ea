using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Features.Reminders;
using LearningNetwork.Notifications.Persistence;
using LearningNetwork.Notifications.Sending;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Notifications.Features.SessionEmails;

/// <summary>What changes to a session mean for its emails: plan its reminders, tell people it moved or is off.</summary>
internal sealed class SessionChangeEmailsHandler(NotificationsDbContext db, ReminderScheduler scheduler, SessionMail mail, SendLog sendLog, IMediator mediator)
    : INotificationHandler<SessionPublished>,
      INotificationHandler<SessionDetailsChanged>,
      INotificationHandler<SessionRescheduled>,
      INotificationHandler<SessionCancelled>,
      INotificationHandler<ClusterManagerDeactivated>
{
    public Task Handle(SessionPublished notification, CancellationToken cancellationToken)
    {
        scheduler.Schedule(notification.Session);
        return Task.CompletedTask;
    }

    public Task Handle(SessionDetailsChanged notification, CancellationToken cancellationToken)
    {
        // Jobs of rules that were dropped find their rule gone and do nothing.
        scheduler.Schedule(notification.Session);
        return Task.CompletedTask;
    }

    public async Task Handle(SessionRescheduled notification, CancellationToken cancellationToken)
    {
        var session = notification.Session;
        scheduler.Schedule(session);
        await SkipPendingAsync(session.SessionId, "Session rescheduled", cancellationToken);
        await TellEnrolleesAsync(EmailKind.SessionRescheduled, $"rescheduled:{notification.EventId}", session, e => e.Status != EnrollmentStatus.Cancelled, "PUBLISH", null, cancellationToken);
    }

    public async Task Handle(SessionCancelled notification, CancellationToken cancellationToken)
    {
        await SkipPendingAsync(notification.Session.SessionId, "Session cancelled", cancellationToken);
        // Live enrollments, or ones ended by this very cancellation (Enrollments may have handled it first).
        await TellEnrolleesAsync(EmailKind.SessionCancelled, $"session-cancelled:{notification.EventId}", notification.Session,
            e => e.Status != EnrollmentStatus.Cancelled || e.CancellationCause == CancellationCause.SessionCancelled,
            "CANCEL", new Dictionary<string, string> { ["reason"] = notification.Reason }, cancellationToken);
    }

    public Task Handle(ClusterManagerDeactivated notification, CancellationToken cancellationToken) =>
        db.Emails.Where(e => e.ClusterManagerId == notification.ClusterManagerId && e.Status == EmailStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, EmailStatus.Skipped).SetProperty(e => e.LastError, "Manager deactivated"), cancellationToken);

    /// <summary>Reminders and follow-ups computed from the old times (or for a session that is off) do not go out.</summary>
    private Task SkipPendingAsync(Guid sessionId, string why, CancellationToken cancellationToken) =>
        db.Emails.Where(e => e.SessionId == sessionId && e.Status == EmailStatus.Pending && (e.Kind == EmailKind.Reminder || e.Kind == EmailKind.FollowUp))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, EmailStatus.Skipped).SetProperty(e => e.LastError, why), cancellationToken);

    private async Task TellEnrolleesAsync(EmailKind kind, string sourcePrefix, SessionSnapshot session, Func<Enrollee, bool> recipients, string icsMethod,
        IDictionary<string, string>? extra, CancellationToken cancellationToken)
    {
        var enrollees = (await mediator.Send(new GetSessionEnrollees(session.SessionId), cancellationToken)).Where(recipients).ToList();
        if (enrollees.Count == 0)
        {
            return;
        }

        var managers = (await mediator.Send(new GetClusterManagers(enrollees.Select(e => e.ClusterManagerId).ToList()), cancellationToken))
            .Where(m => m.IsActive).ToDictionary(m => m.ClusterManagerId);
        var ics = await mediator.Send(new RenderSessionsCalendar([session.SessionId], "LearningNetwork", icsMethod), cancellationToken);
        var emails = new List<Email>();
        foreach (var enrollee in enrollees.Where(e => managers.ContainsKey(e.ClusterManagerId)))
        {
            emails.Add(await mail.BuildAsync(kind, $"{sourcePrefix}:{enrollee.EnrollmentId}", session, managers[enrollee.ClusterManagerId], extra, icsMethod, renderedIcs: ics));
        }

        await sendLog.AddManyOnceAsync(db, emails, cancellationToken);
    }
}
