using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using LearningNetwork.Sessions.Domain;

namespace LearningNetwork.Sessions.Features.Shared;

/// <summary>
/// The iCalendar form of a session. The UID is stable per session and SEQUENCE grows with every
/// reschedule, so a calendar replaces its entry instead of adding a second one.
/// </summary>
internal static class SessionIcs
{
    public static string Uid(Guid sessionId) => $"session-{sessionId}@learningnetwork";

    public static string Render(Session session, DateTimeOffset now, string? language = null) =>
        new CalendarSerializer().SerializeToString(
            Calendar([session], now, "LearningNetwork", session.Status == SessionStatus.Cancelled ? "CANCEL" : "PUBLISH", cancelAll: false, language)) ?? "";

    /// <summary>
    /// A calendar of several sessions (a personal feed); cancelled ones stay in it as CANCELLED so
    /// clients drop them. SUMMARY and DESCRIPTION are in <paramref name="language"/> where staff
    /// translated the session, else in the default language.
    /// </summary>
    public static Calendar Calendar(IEnumerable<Session> sessions, DateTimeOffset now, string name, string method, bool cancelAll, string? language = null)
    {
        var calendar = new Calendar { Method = method };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var session in sessions)
        {
            calendar.Events.Add(Event(session, now, cancelAll, language));
        }

        return calendar;
    }

    private static CalendarEvent Event(Session session, DateTimeOffset now, bool cancelled, string? language)
    {
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(session.Id),
            Sequence = session.Sequence,
            Summary = session.TitleIn(language),
            Location = session.Location ?? session.OnlineUrl,
            // UTC instants: every calendar client reads them the same, with no VTIMEZONE to get wrong.
            DtStart = new CalDateTime(session.StartsAt.UtcDateTime, "UTC"),
            DtEnd = new CalDateTime(session.EndsAt.UtcDateTime, "UTC"),
            DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
            Status = cancelled || session.Status == SessionStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
        };
        var description = Describe(session, language);
        if (description.Length > 0)
        {
            calendarEvent.Description = description;
        }

        if (session.OnlineUrl is not null && Uri.TryCreate(session.OnlineUrl, UriKind.Absolute, out var url))
        {
            calendarEvent.Url = url;
        }

        return calendarEvent;
    }

    private static string Describe(Session session, string? language)
    {
        var parts = new List<string>();
        if (session.DescriptionIn(language) is { } text)
        {
            parts.Add(text);
        }

        if (session.OnlineUrl is not null)
        {
            parts.Add($"Online: {session.OnlineUrl}");
        }

        if (session.CancellationReason is not null)
        {
            parts.Add($"Cancelled: {session.CancellationReason}");
        }

        return string.Join("\n\n", parts);
    }
}
