using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Notifications.Features.SkipAnnouncementsOfOptedOutManager;

/// <summary>
/// A manager who turns announcements off gets none of those still waiting in the send log (a
/// large announcement takes minutes to deliver). Emails about their own enrollments still go.
/// </summary>
internal sealed class SkipAnnouncementsOfOptedOutManagerHandler(NotificationsDbContext db) : INotificationHandler<ClusterManagerStoppedAnnouncements>
{
    /// <summary>The kinds a manager can turn off: they carry the one-click unsubscribe.</summary>
    private static readonly EmailKind[] Announcements = [EmailKind.SessionAnnounced, EmailKind.FundingDeadline];

    public Task Handle(ClusterManagerStoppedAnnouncements notification, CancellationToken cancellationToken) =>
        db.Emails.Where(e => e.ClusterManagerId == notification.ClusterManagerId && e.Status == EmailStatus.Pending && Announcements.Contains(e.Kind))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, EmailStatus.Skipped).SetProperty(e => e.LastError, "Announcements turned off"), cancellationToken);
}
