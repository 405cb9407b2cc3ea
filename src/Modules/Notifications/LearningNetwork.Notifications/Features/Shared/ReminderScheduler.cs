using Hangfire;
using LearningNetwork.Notifications.Features.Reminders;
using LearningNetwork.Sessions.Contracts;

namespace LearningNetwork.Notifications.Features.Shared;

/// <summary>
/// Puts the session-level jobs in Hangfire: one per reminder rule and one per follow-up rule, at
/// their due times. Not one job per email: a job turns into a batch of send-log rows when it runs.
/// </summary>
internal sealed class ReminderScheduler(IBackgroundJobClient jobs, TimeProvider clock)
{
    public void Schedule(SessionSnapshot session)
    {
        var now = clock.GetUtcNow();
        foreach (var minutes in session.ReminderMinutesBefore)
        {
            var due = ReminderPlan.ReminderDue(session.StartsAt, minutes);
            if (due > now)
            {
                jobs.Schedule<ReminderJobs>(j => j.SendRemindersAsync(session.SessionId, minutes, session.StartsAt), due);
            }
        }

        foreach (var minutes in session.FollowUpMinutesAfter)
        {
            var due = ReminderPlan.FollowUpDue(session.EndsAt, minutes);
            if (due > now)
            {
                jobs.Schedule<ReminderJobs>(j => j.SendFollowUpsAsync(session.SessionId, minutes, session.EndsAt), due);
            }
        }
    }
}
