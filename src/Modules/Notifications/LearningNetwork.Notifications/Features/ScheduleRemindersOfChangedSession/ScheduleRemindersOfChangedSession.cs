using LearningNetwork.Notifications.Features.Shared;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Notifications.Features.ScheduleRemindersOfChangedSession;

/// <summary>A session's details (reminder rules among them) changed: its jobs are planned again.</summary>
internal sealed class ScheduleRemindersOfChangedSessionHandler(ReminderScheduler scheduler) : INotificationHandler<SessionDetailsChanged>
{
    public Task Handle(SessionDetailsChanged notification, CancellationToken cancellationToken)
    {
        // Jobs of rules that were dropped find their rule gone and do nothing.
        scheduler.Schedule(notification.Session);
        return Task.CompletedTask;
    }
}
