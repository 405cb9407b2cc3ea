using System.Globalization;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.GuidelineDocuments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using LearningNetwork.Notifications.Sending;
using MediatR;

namespace LearningNetwork.Notifications.Features.EmailGuidelineUpdated;

/// <summary>Managers who downloaded an earlier version of a guideline hear that a newer one is out.</summary>
internal sealed class EmailGuidelineUpdatedHandler(NotificationsDbContext db, IMediator mediator, TimeProvider clock)
    : INotificationHandler<GuidelineUpdated>
{
    public async Task Handle(GuidelineUpdated notification, CancellationToken cancellationToken)
    {
        var managers = (await mediator.Send(new GetClusterManagers(notification.ClusterManagerIds), cancellationToken)).Where(m => m.IsActive).ToList();
        var now = clock.GetUtcNow();
        var emails = managers.Select(m => Email.Create(
            EmailKind.GuidelineUpdated,
            string.Create(CultureInfo.InvariantCulture, $"guideline-updated:{notification.GuidelineId}:{notification.Version}:{m.ClusterManagerId}"),
            m.Email, m.FullName, m.PreferredLanguage, now, now,
            new Dictionary<string, string>
            {
                ["title"] = notification.Title,
                ["version"] = notification.Version.ToString(CultureInfo.InvariantCulture),
                ["changeNote"] = notification.ChangeNote ?? "",
                ["guidelineId"] = notification.GuidelineId.ToString(),
            },
            clusterManagerId: m.ClusterManagerId)).ToList();
        await SendLog.AddManyOnceAsync(db, emails, cancellationToken);
    }
}
