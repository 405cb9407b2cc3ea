using Hangfire;
using LearningNetwork.FundingCalls.Contracts;

namespace LearningNetwork.Notifications.Features.Shared;

/// <summary>
/// One Hangfire job per reminder rule of a funding call, at its due time (the deadline minus the
/// days). A reminder whose due time has passed is not planned: publishing a call late, or moving
/// its deadline closer, sends nothing for the moments already gone.
/// </summary>
internal sealed class DeadlineReminderScheduler(IBackgroundJobClient jobs, TimeProvider clock)
{
    public static DateTimeOffset Due(DateTimeOffset deadlineAt, int daysBefore) => deadlineAt.AddDays(-daysBefore);

    public void Schedule(FundingCallInfo call)
    {
        var now = clock.GetUtcNow();
        foreach (var days in call.ReminderDaysBefore)
        {
            var due = Due(call.DeadlineAt, days);
            if (due > now)
            {
                jobs.Schedule<DeadlineReminderJobs>(j => j.SendAsync(call.FundingCallId, days, call.DeadlineAt), due);
            }
        }
    }
}
