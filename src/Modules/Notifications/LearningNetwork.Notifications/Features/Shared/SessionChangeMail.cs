using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using LearningNetwork.Notifications.Sending;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Notifications.Features.Shared;

/// <summary>What a session that moved or is off means for its emails: pending ones stop, its enrollees are told.</summary>
internal sealed class SessionChangeMail(NotificationsDbContext db, SessionMail mail, IMediator mediator)
{
    /// <summary>Reminders and follow-ups computed from the old times (or for a session that is off) do not go out.</summary>
    public Task SkipPendingAsync(Guid sessionId, string why, CancellationToken cancellationToken) =>
        db.Emails.Where(e => e.SessionId == sessionId && e.Status == EmailStatus.Pending && (e.Kind == EmailKind.Reminder || e.Kind == EmailKind.FollowUp))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, EmailStatus.Skipped).SetProperty(e => e.LastError, why), cancellationToken);

    public async Task TellEnrolleesAsync(EmailKind kind, string sourcePrefix, SessionSnapshot session, Func<Enrollee, bool> recipients, string icsMethod,
        IDictionary<string, string>? extra, CancellationToken cancellationToken)
    {
        var enrollees = (await mediator.Send(new GetSessionEnrollees(session.SessionId), cancellationToken)).Where(recipients).ToList();
        if (enrollees.Count == 0)
        {
            return;
        }

        var managers = (await mediator.Send(new GetClusterManagers(enrollees.Select(e => e.ClusterManagerId).ToList()), cancellationToken))
            .Where(m => m.IsActive).ToDictionary(m => m.ClusterManagerId);
        var ics = await mail.IcsPerLanguageAsync(session.SessionId, icsMethod, managers.Values, cancellationToken);
        var emails = new List<Email>();
        foreach (var enrollee in enrollees.Where(e => managers.ContainsKey(e.ClusterManagerId)))
        {
            var manager = managers[enrollee.ClusterManagerId];
            emails.Add(await mail.BuildAsync(kind, $"{sourcePrefix}:{enrollee.EnrollmentId}", session, manager, extra, icsMethod, renderedIcs: ics[manager.PreferredLanguage]));
        }

        await SendLog.AddManyOnceAsync(db, emails, cancellationToken);
    }
}
