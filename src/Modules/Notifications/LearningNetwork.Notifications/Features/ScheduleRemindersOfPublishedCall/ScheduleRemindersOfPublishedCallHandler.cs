using LearningNetwork.FundingCalls.Contracts;
using LearningNetwork.Notifications.Features.Shared;
using MediatR;

namespace LearningNetwork.Notifications.Features.ScheduleRemindersOfPublishedCall;

/// <summary>A published funding call gets its deadline reminder jobs.</summary>
internal sealed class ScheduleRemindersOfPublishedCallHandler(DeadlineReminderScheduler scheduler) : INotificationHandler<FundingCallPublished>
{
    public Task Handle(FundingCallPublished notification, CancellationToken cancellationToken)
    {
        scheduler.Schedule(notification.Call);
        return Task.CompletedTask;
    }
}
