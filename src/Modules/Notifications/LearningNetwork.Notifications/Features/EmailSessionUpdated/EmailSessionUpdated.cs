using System.Globalization;
using Hangfire;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Features.Shared;
using LearningNetwork.Notifications.Persistence;
using LearningNetwork.Notifications.Sending;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Notifications.Features.EmailSessionUpdated;

/// <summary>
/// What confirmed enrollees see of a session changed: when the notice window closes, one job
/// tells them, showing the session as it is then (all the window's edits in one email).
/// </summary>
internal sealed class EmailSessionUpdatedHandler(IBackgroundJobClient jobs) : INotificationHandler<SessionUpdateNoticePlanned>
{
    public Task Handle(SessionUpdateNoticePlanned notification, CancellationToken cancellationToken)
    {
        // A redelivered event schedules a second job for the same window; its emails have the same source keys.
        SessionUpdateNotices.Plan(jobs, notification.SessionId, notification.NoticeDueAt);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The job behind <see cref="EmailSessionUpdatedHandler"/>. Hangfire stores a job by this class's
/// full name and method, so it keeps its name and namespace while jobs may be waiting (about a
/// minute after an edit). Safe to run twice: each email's source key is the session, the window
/// and the enrollment.
/// </summary>
internal sealed class SessionUpdateNotices(NotificationsDbContext db, IMediator mediator, SessionMail mail, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>
    /// The job must run after the window has closed, or an edit in its last moments would be in no
    /// notice: Hangfire keeps due times in whole seconds (it may start a job up to a second early),
    /// so it is planned a second late, and a job that still finds itself early plans itself again.
    /// </summary>
    public static void Plan(IBackgroundJobClient jobs, Guid sessionId, DateTimeOffset noticeDueAt) =>
        jobs.Schedule<SessionUpdateNotices>(j => j.SendAsync(sessionId, noticeDueAt), noticeDueAt.AddSeconds(1));

    [AutomaticRetry(Attempts = 5)]
    public async Task SendAsync(Guid sessionId, DateTimeOffset noticeDueAt)
    {
        if (clock.GetUtcNow() <= noticeDueAt)
        {
            Plan(jobs, sessionId, noticeDueAt);
            return;
        }

        var session = (await mediator.Send(new GetSessions([sessionId]))).SingleOrDefault();
        if (session is not { State: SessionState.Published } || session.Session.EndsAt <= clock.GetUtcNow())
        {
            return; // cancelled since (they were told that) or over: nothing to update
        }

        var enrollees = (await mediator.Send(new GetSessionEnrollees(sessionId))).Where(e => e.Status == EnrollmentStatus.Confirmed).ToList();
        if (enrollees.Count == 0)
        {
            return;
        }

        var managers = (await mediator.Send(new GetClusterManagers(enrollees.Select(e => e.ClusterManagerId).ToList())))
            .Where(m => m.IsActive).ToDictionary(m => m.ClusterManagerId);
        var ics = await mail.IcsPerLanguageAsync(sessionId, "PUBLISH", managers.Values, CancellationToken.None);
        var emails = new List<Email>();
        foreach (var enrollee in enrollees.Where(e => managers.ContainsKey(e.ClusterManagerId)))
        {
            var manager = managers[enrollee.ClusterManagerId];
            emails.Add(await mail.BuildAsync(EmailKind.SessionUpdated, string.Create(CultureInfo.InvariantCulture, $"session-updated:{sessionId}:{noticeDueAt.UtcTicks}:{enrollee.EnrollmentId}"),
                session.Session, manager, extra: null, "PUBLISH", renderedIcs: ics[manager.PreferredLanguage]));
        }

        await SendLog.AddManyOnceAsync(db, emails, CancellationToken.None);
    }
}
