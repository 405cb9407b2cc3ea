using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using LearningNetwork.Notifications.Sending;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Notifications.Features.EmailLearningNetworkWelcome;

/// <summary>
/// New members of a learning network get one welcome: the network, its upcoming meetings in
/// their language, and all of those meetings as one .ics (the same UIDs as the session mails,
/// so calendars merge them). One email per member and join, whatever redelivery does.
/// </summary>
internal sealed class EmailLearningNetworkWelcomeHandler(NotificationsDbContext db, IMediator mediator, TimeProvider clock)
    : INotificationHandler<LearningNetworkMembersJoined>
{
    public async Task Handle(LearningNetworkMembersJoined notification, CancellationToken cancellationToken)
    {
        var network = await mediator.Send(new GetLearningNetwork(notification.LearningNetworkId), cancellationToken);
        if (network is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var upcoming = (await mediator.Send(new GetLearningNetworkMeetings([network.LearningNetworkId]), cancellationToken))
            .Where(m => m.State == SessionState.Published && m.Session.StartsAt > now)
            .Select(m => m.Session).ToList();
        var managers = (await mediator.Send(new GetClusterManagers(notification.ClusterManagerIds), cancellationToken)).Where(m => m.IsActive).ToList();
        // The meetings' calendar in each language the new members read.
        var ics = new Dictionary<string, string>();
        foreach (var language in upcoming.Count == 0 ? Enumerable.Empty<string>() : managers.Select(m => m.PreferredLanguage).Distinct())
        {
            ics[language] = await mediator.Send(new RenderSessionsCalendar(upcoming.Select(m => m.SessionId).ToList(), network.Name, Language: language), cancellationToken);
        }

        var emails = managers.Select(m =>
        {
            var values = new Dictionary<string, string>
            {
                ["network"] = network.Name,
                ["theme"] = network.Theme,
                ["networkId"] = network.LearningNetworkId.ToString(),
                ["meetingCount"] = upcoming.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["meetings"] = string.Join("; ", upcoming.Select(s => $"{s.TitleIn(m.PreferredLanguage)} ({LocalFormats.Span(s.StartsAt, s.EndsAt, s.TimeZone, m.PreferredLanguage)})")),
            };
            if (ics.TryGetValue(m.PreferredLanguage, out var calendar))
            {
                values["ics"] = calendar;
            }

            return Email.Create(EmailKind.LearningNetworkWelcome, $"network-welcome:{notification.EventId}:{m.ClusterManagerId}",
                m.Email, m.FullName, m.PreferredLanguage, now, now, values, clusterManagerId: m.ClusterManagerId);
        }).ToList();
        await SendLog.AddManyOnceAsync(db, emails, cancellationToken);
    }
}
