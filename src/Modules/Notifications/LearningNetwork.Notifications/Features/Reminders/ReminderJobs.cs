using System.Globalization;
using Hangfire;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Features.Shared;
using LearningNetwork.Notifications.Persistence;
using LearningNetwork.Notifications.Sending;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection;

namespace LearningNetwork.Notifications.Features.Reminders;

/// <summary>
/// The jobs themselves. Each checks that the session still is as it was when the job was planned
/// (published, same time, same rule), so a rescheduled or cancelled session's old jobs do nothing;
/// and each email has a unique source key, so running a job twice sends nothing twice.
/// Hangfire stores a job by this class's full name and jobs are planned weeks ahead, so the class
/// keeps its name and namespace: moving it would strand every job already scheduled.
/// </summary>
internal sealed class ReminderJobs(NotificationsDbContext db, IMediator mediator, SessionMail mail, IDataProtectionProvider protection)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task SendRemindersAsync(Guid sessionId, int minutesBefore, DateTimeOffset startsAt)
    {
        var session = await CurrentAsync(sessionId);
        if (session is null || session.Session.StartsAt != startsAt || !session.Session.ReminderMinutesBefore.Contains(minutesBefore))
        {
            return;
        }

        var dueAt = ReminderPlan.ReminderDue(startsAt, minutesBefore);
        var enrollees = (await mediator.Send(new GetSessionEnrollees(sessionId))).Where(e => ReminderPlan.GetsReminder(e, dueAt)).ToList();
        var managers = await ActiveManagersAsync(enrollees);
        var ics = await mail.IcsPerLanguageAsync(sessionId, "PUBLISH", managers.Values, CancellationToken.None);
        var emails = new List<Email>();
        foreach (var enrollee in enrollees.Where(e => managers.ContainsKey(e.ClusterManagerId)))
        {
            var manager = managers[enrollee.ClusterManagerId];
            emails.Add(await mail.BuildAsync(EmailKind.Reminder,
                string.Create(CultureInfo.InvariantCulture, $"reminder:{sessionId}:{enrollee.EnrollmentId}:{minutesBefore}:{startsAt.UtcTicks}"),
                session.Session, manager,
                new Dictionary<string, string> { ["minutesBefore"] = minutesBefore.ToString(CultureInfo.InvariantCulture) },
                "PUBLISH", dueAt, renderedIcs: ics[manager.PreferredLanguage]));
        }

        await SendLog.AddManyOnceAsync(db, emails, CancellationToken.None);
    }

    [AutomaticRetry(Attempts = 5)]
    public async Task SendFollowUpsAsync(Guid sessionId, int minutesAfter, DateTimeOffset endsAt)
    {
        var session = await CurrentAsync(sessionId);
        if (session is null || session.Session.EndsAt != endsAt || !session.Session.FollowUpMinutesAfter.Contains(minutesAfter))
        {
            return;
        }

        var dueAt = ReminderPlan.FollowUpDue(endsAt, minutesAfter);
        var enrollees = (await mediator.Send(new GetSessionEnrollees(sessionId)))
            .Select(e => (Enrollee: e, Template: ReminderPlan.FollowUpTemplate(e)))
            .Where(x => x.Template is not null)
            .ToList();
        var managers = await ActiveManagersAsync(enrollees.Select(x => x.Enrollee).ToList());
        enrollees = enrollees.Where(x => managers.ContainsKey(x.Enrollee.ClusterManagerId)).ToList();
        var alreadyQueued = (await db.Emails.Where(e => e.SessionId == sessionId && e.Kind == EmailKind.FollowUp).Select(e => e.SourceKey).ToListAsync()).ToHashSet();
        enrollees = enrollees.Where(x => !alreadyQueued.Contains(SourceKey(sessionId, x.Enrollee.EnrollmentId, minutesAfter))).ToList();
        var thanked = enrollees.Where(x => x.Template == "FollowUp").Select(x => x.Enrollee.EnrollmentId).ToList();
        var tokens = thanked.Count == 0 ? new Dictionary<Guid, string>() : await mediator.Send(new IssueFeedbackTokens(thanked));
        var secrets = protection.CreateProtector(EmailSecrets.ProtectionPurpose);
        // The session's materials (guidelines staff attached) go with the thank-you.
        var materials = (await mediator.Send(new GuidelineDocuments.Contracts.GetSessionMaterials([sessionId]))).GetValueOrDefault(sessionId) ?? [];
        var materialList = string.Join("; ", materials.Select(m => m.Title));
        var emails = new List<Email>();
        foreach (var (enrollee, template) in enrollees)
        {
            var protectedValues = tokens.TryGetValue(enrollee.EnrollmentId, out var token)
                ? new Dictionary<string, string> { ["token"] = secrets.Protect(token) }
                : null;
            emails.Add(await mail.BuildAsync(EmailKind.FollowUp, SourceKey(sessionId, enrollee.EnrollmentId, minutesAfter), session.Session,
                managers[enrollee.ClusterManagerId], new Dictionary<string, string> { ["template"] = template!, ["materials"] = materialList }, icsMethod: null, dueAt, protectedValues));
        }

        await SendLog.AddManyOnceAsync(db, emails, CancellationToken.None);
    }

    private static string SourceKey(Guid sessionId, Guid enrollmentId, int minutesAfter) =>
        string.Create(CultureInfo.InvariantCulture, $"follow-up:{sessionId}:{enrollmentId}:{minutesAfter}");

    private async Task<SessionInfo?> CurrentAsync(Guid sessionId)
    {
        var session = (await mediator.Send(new GetSessions([sessionId]))).SingleOrDefault();
        return session is { State: SessionState.Published } ? session : null;
    }

    private async Task<Dictionary<Guid, ClusterManagerSummary>> ActiveManagersAsync(IReadOnlyCollection<Enrollee> enrollees) =>
        (await mediator.Send(new GetClusterManagers(enrollees.Select(e => e.ClusterManagerId).ToList())))
            .Where(m => m.IsActive)
            .ToDictionary(m => m.ClusterManagerId);
}
