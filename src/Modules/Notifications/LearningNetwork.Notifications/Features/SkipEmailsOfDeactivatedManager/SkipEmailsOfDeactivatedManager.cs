using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Notifications.Features.SkipEmailsOfDeactivatedManager;

/// <summary>A deactivated manager gets no more email: whatever is still pending for them stops.</summary>
internal sealed class SkipEmailsOfDeactivatedManagerHandler(NotificationsDbContext db) : INotificationHandler<ClusterManagerDeactivated>
{
    public Task Handle(ClusterManagerDeactivated notification, CancellationToken cancellationToken) =>
        db.Emails.Where(e => e.ClusterManagerId == notification.ClusterManagerId && e.Status == EmailStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, EmailStatus.Skipped).SetProperty(e => e.LastError, "Manager deactivated"), cancellationToken);
}
