using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Sending;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.Extensions.Caching.Memory;

namespace LearningNetwork.Notifications.Features.Shared;

/// <summary>
/// Builds the send-log rows of emails about a session: the recipient's language (the session's
/// title and description in it when staff translated them), the session's time in its own zone,
/// the place, and the session as an .ics attachment in the same language.
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
        var language = recipient.PreferredLanguage;
        var values = new Dictionary<string, string>
        {
            ["title"] = session.TitleIn(language),
            ["description"] = session.DescriptionIn(language) ?? "",
            ["sessionId"] = session.SessionId.ToString(),
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
            values["ics"] = renderedIcs ?? await IcsAsync(session, icsMethod, language);
        }

        var now = clock.GetUtcNow();
        return Email.Create(kind, sourceKey, recipient.Email, recipient.FullName, recipient.PreferredLanguage, dueAt ?? now, now,
            values, protectedValues, session.SessionId, recipient.ClusterManagerId);
    }

    /// <summary>
    /// The .ics of a session as of its SEQUENCE, in one language: a popular session's confirmations
    /// all carry the same one, so it is rendered once a minute rather than once per enrollee.
    /// </summary>
    private async Task<string> IcsAsync(SessionSnapshot session, string method, string language) =>
        (await cache.GetOrCreateAsync((session.SessionId, session.Sequence, session.StartsAt, method, language), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return mediator.Send(new RenderSessionsCalendar([session.SessionId], "LearningNetwork", method, language));
        }))!;

    /// <summary>One .ics of the session per language these recipients read, for a round of emails.</summary>
    public async Task<IReadOnlyDictionary<string, string>> IcsPerLanguageAsync(Guid sessionId, string method, IEnumerable<ClusterManagerSummary> recipients, CancellationToken cancellationToken)
    {
        var ics = new Dictionary<string, string>();
        foreach (var language in recipients.Select(r => r.PreferredLanguage).Distinct())
        {
            ics[language] = await mediator.Send(new RenderSessionsCalendar([sessionId], "LearningNetwork", method, language), cancellationToken);
        }

        return ics;
    }

    public async Task<(SessionSnapshot? Session, ClusterManagerSummary? Manager)> LoadAsync(Guid sessionId, Guid clusterManagerId, CancellationToken cancellationToken)
    {
        var session = (await mediator.Send(new GetSessions([sessionId]), cancellationToken)).SingleOrDefault();
        var manager = (await mediator.Send(new GetClusterManagers([clusterManagerId]), cancellationToken)).SingleOrDefault();
        return (session?.Session, manager is { IsActive: true } ? manager : null);
    }
}
