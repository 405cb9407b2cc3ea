using LearningNetwork.FundingCalls.Contracts;
using LearningNetwork.Notifications.Features.Shared;
using MediatR;

namespace LearningNetwork.Notifications.Features.ScheduleRemindersOfRescheduledCall;

/// <summary>A published call's deadline moved: its reminders are planned for the new deadline; the old jobs find the deadline changed and do nothing.</summary>
internal sealed class ScheduleRemindersOfRescheduledCallHandler(DeadlineReminderScheduler scheduler) : INotificationHandler<FundingCallRescheduled>
{
    public Task Handle(FundingCallRescheduled notification, CancellationToken cancellationToken)
    {
        scheduler.Schedule(notification.Call);
        return Task.CompletedTask;
    }
}
