using System.Globalization;
using Hangfire;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.FundingCalls.Contracts;
using LearningNetwork.GuidelineDocuments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using LearningNetwork.Notifications.Sending;
using MediatR;
using Microsoft.AspNetCore.DataProtection;

namespace LearningNetwork.Notifications.Features.Shared;

/// <summary>
/// A funding call's deadline reminder. The job checks that the call still is as it was planned
/// (published, same deadline, same rule, not closed), so a moved deadline's or a withdrawn call's
/// old jobs do nothing; each email's source key names the call, the rule, the deadline and the
/// manager, so a job run twice, or on two hosts, sends each person one email. Hangfire stores the
/// job by this class's full name: it keeps its name and namespace.
/// </summary>
internal sealed class DeadlineReminderJobs(NotificationsDbContext db, IMediator mediator, IDataProtectionProvider protection, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task SendAsync(Guid fundingCallId, int daysBefore, DateTimeOffset deadlineAt)
    {
        var call = await mediator.Send(new GetFundingCall(fundingCallId));
        var now = clock.GetUtcNow();
        if (call is null || call.State != FundingCallState.Published || call.DeadlineAt != deadlineAt || !call.ReminderDaysBefore.Contains(daysBefore) || now >= deadlineAt)
        {
            return;
        }

        var clusters = (await mediator.Send(new GetAllClusters())).Where(c => call.EligibleClusterTypes.Contains(c.Type)).Select(c => c.ClusterId).ToHashSet();
        // Managers who turned announcements off (their preferences, or the one-click link) get no deadline reminders either.
        var managers = (await mediator.Send(new GetActiveClusterManagers())).Where(m => clusters.Contains(m.ClusterId) && m.Announcements).ToList();
        var secrets = protection.CreateProtector(EmailSecrets.ProtectionPurpose);
        var guidelines = call.GuidelineIds.Count == 0 ? []
            : (await mediator.Send(new GetGuidelineSummaries(call.GuidelineIds))).Where(g => g.IsPublished).ToList();
        // Due now: the job runs when the reminder is due (or later, after an outage: then at once).
        var emails = managers.Select(m => Email.Create(
            EmailKind.FundingDeadline,
            string.Create(CultureInfo.InvariantCulture, $"funding-deadline:{fundingCallId}:{daysBefore}:{deadlineAt.UtcTicks}:{m.ClusterManagerId}"),
            m.Email, m.FullName, m.PreferredLanguage, now, now,
            new Dictionary<string, string>
            {
                ["title"] = call.Title,
                ["instrument"] = call.Instrument,
                ["callId"] = call.FundingCallId.ToString(),
                ["daysBefore"] = daysBefore.ToString(CultureInfo.InvariantCulture),
                ["deadline"] = Deadline(call, m.PreferredLanguage),
                ["url"] = call.Url ?? "",
                ["guidelines"] = string.Join("; ", guidelines.Select(g => g.Title)),
            },
            // The one-click unsubscribe link (List-Unsubscribe), as on announcements.
            UnsubscribeValue.For(secrets, protection, m.ClusterManagerId),
            clusterManagerId: m.ClusterManagerId)).ToList();
        await SendLog.AddManyOnceAsync(db, emails, CancellationToken.None);
    }

    /// <summary>"dinsdag 2 maart 2027 17:00 (Europe/Brussels)": the deadline as its reader expects it.</summary>
    private static string Deadline(FundingCallInfo call, string language)
    {
        var culture = LocalFormats.Culture(language);
        return $"{call.DeadlineLocal.ToString("dddd d MMMM yyyy HH:mm", culture)} ({call.TimeZone})";
    }
}
