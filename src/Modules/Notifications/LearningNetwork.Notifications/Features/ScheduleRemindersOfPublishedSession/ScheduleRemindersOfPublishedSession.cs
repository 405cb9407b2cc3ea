using LearningNetwork.Notifications.Features.Shared;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Notifications.Features.ScheduleRemindersOfPublishedSession;

/// <summary>A published session gets its reminder and follow-up jobs.</summary>
internal sealed class ScheduleRemindersOfPublishedSessionHandler(ReminderScheduler scheduler) : INotificationHandler<SessionPublished>
{
    public Task Handle(SessionPublished notification, CancellationToken cancellationToken)
    {
        scheduler.Schedule(notification.Session);
        return Task.CompletedTask;
    }
}
