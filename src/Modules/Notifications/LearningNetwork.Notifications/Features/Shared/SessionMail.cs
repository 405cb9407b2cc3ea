using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Sending;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.Extensions.Caching.Memory;

namespace LearningNetwork.Notifications.Features.Shared;

/// <summary>
/// Builds the send-log rows of emails about a session: the recipient's language, the session's
/// time in its own zone, the place, and the session as an .ics attachment.
/// </summary>
internal sealed class SessionMail(IMediator mediator, TimeProvider clock, IMemoryCache cache)
{
    public async Task<Email> BuildAsync(
        EmailKind kind,
        string sourceKey,
        SessionSnapshot session,
        ClusterManagerSummary recipient,
        IDictionary<string, string>? extra = null,
        string? icsMethod = "PUBLISH",
        DateTimeOffset? dueAt = null,
        IDictionary<string, string>? protectedValues = null,
        string? renderedIcs = null)
    {
        var values = new Dictionary<string, string>
        {
            ["title"] = session.Title,
            ["when"] = LocalFormats.Span(session.StartsAt, session.EndsAt, session.TimeZone, recipient.PreferredLanguage),
            ["place"] = session.Location ?? session.OnlineUrl ?? "",
            ["onlineUrl"] = session.OnlineUrl ?? "",
            ["startsAt"] = session.StartsAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        if (icsMethod is not null)
        {
            values["ics"] = renderedIcs ?? await IcsAsync(session, icsMethod);
        }

        var now = clock.GetUtcNow();
        return Email.Create(kind, sourceKey, recipient.Email, recipient.FullName, recipient.PreferredLanguage, dueAt ?? now, now,
            values, protectedValues, session.SessionId, recipient.ClusterManagerId);
    }

    /// <summary>
    /// The .ics of a session as of its SEQUENCE: a popular session's confirmations all carry the
    /// same one, so it is rendered once a minute rather than once per enrollee.
    /// </summary>
    private async Task<string> IcsAsync(SessionSnapshot session, string method) =>
        (await cache.GetOrCreateAsync((session.SessionId, session.Sequence, session.StartsAt, method), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return mediator.Send(new RenderSessionsCalendar([session.SessionId], "LearningNetwork", method));
        }))!;

    public async Task<(SessionSnapshot? Session, ClusterManagerSummary? Manager)> LoadAsync(Guid sessionId, Guid clusterManagerId, CancellationToken cancellationToken)
    {
        var session = (await mediator.Send(new GetSessions([sessionId]), cancellationToken)).SingleOrDefault();
        var manager = (await mediator.Send(new GetClusterManagers([clusterManagerId]), cancellationToken)).SingleOrDefault();
        return (session?.Session, manager is { IsActive: true } ? manager : null);
    }
}
