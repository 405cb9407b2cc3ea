using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.DeleteCalendarFeedOfDeactivatedManager;

/// <summary>A deactivated manager's calendar feed stops: its secret address answers 404 from then on (harmless when repeated).</summary>
internal sealed class DeleteCalendarFeedOfDeactivatedManagerHandler(EnrollmentsDbContext db) : INotificationHandler<ClusterManagerDeactivated>
{
    public Task Handle(ClusterManagerDeactivated notification, CancellationToken cancellationToken) =>
        db.CalendarFeeds.Where(f => f.ClusterManagerId == notification.ClusterManagerId).ExecuteDeleteAsync(cancellationToken);
}
