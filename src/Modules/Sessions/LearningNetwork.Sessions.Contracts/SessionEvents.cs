using LearningNetwork.BuildingBlocks.Contracts;

namespace LearningNetwork.Sessions.Contracts;

/// <summary>What other modules need to know of a session to act on it (remind, enroll, render an email).</summary>
public sealed record SessionSnapshot(
    Guid SessionId,
    Guid? SeriesId,
    string Title,
    SessionKind Kind,
    string TimeZone,
    DateTime StartLocal,
    DateTime EndLocal,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Location,
    string? OnlineUrl,
    int Capacity,
    DateTimeOffset? EnrollmentDeadlineAt,
    IReadOnlyList<int> ReminderMinutesBefore,
    IReadOnlyList<int> FollowUpMinutesAfter,
    int Sequence)
{
    /// <summary>The learning network whose meeting this is; absent for trainings (and from events written before networks existed).</summary>
    public Guid? LearningNetworkId { get; init; }

    /// <summary>The description in the default language; absent from events written before it was carried.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Title and description in other languages ("nl", "en", "fr"), beside the default ones; empty
    /// when staff wrote none (and in events written before translations existed).
    /// </summary>
    public IReadOnlyDictionary<string, SessionText> Translations { get; init; } = SessionText.None;

    /// <summary>The title in this language when staff wrote one, else the default title.</summary>
    public string TitleIn(string? language) =>
        language is not null && Translations.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text.Title) ? text.Title : Title;

    /// <summary>The description in this language when the title was translated, else the default description.</summary>
    public string? DescriptionIn(string? language) =>
        language is not null && Translations.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text.Title) ? text.Description ?? Description : Description;
}

/// <summary>A session's title and description in one language.</summary>
public sealed record SessionText(string Title, string? Description)
{
    /// <summary>The languages a session can be written in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["nl", "en", "fr"];

    public static readonly IReadOnlyDictionary<string, SessionText> None = new Dictionary<string, SessionText>();
}

public enum SessionKind
{
    Training,
    LearningNetworkMeeting,
}

/// <summary>A session became visible to cluster managers and open for enrollment.</summary>
public sealed record SessionPublished(SessionSnapshot Session) : IntegrationEvent;

/// <summary>A published session moved; <see cref="SessionSnapshot.Sequence"/> grew by one.</summary>
public sealed record SessionRescheduled(SessionSnapshot Session, DateTimeOffset PreviousStartsAt, DateTimeOffset PreviousEndsAt) : IntegrationEvent;

/// <summary>A published session was called off; enrollments end and enrolled people are told.</summary>
public sealed record SessionCancelled(SessionSnapshot Session, string Reason) : IntegrationEvent;

/// <summary>Capacity of a published session changed; a rise may promote people from the waitlist.</summary>
public sealed record SessionCapacityChanged(Guid SessionId, int PreviousCapacity, int Capacity) : IntegrationEvent;

/// <summary>Details that enrolled people see changed (title, place, link, reminder rules).</summary>
public sealed record SessionDetailsChanged(SessionSnapshot Session) : IntegrationEvent;

/// <summary>
/// What confirmed enrollees see of a published session (title, description, translations, place,
/// link) changed, and they are to hear of it at <paramref name="NoticeDueAt"/>, in one notice
/// showing the session as it is then: raised by the first such edit of a window, not by the
/// edits that follow within it.
/// </summary>
public sealed record SessionUpdateNoticePlanned(Guid SessionId, DateTimeOffset NoticeDueAt) : IntegrationEvent;

/// <summary>Where a session stands, for modules deciding whether one may enroll.</summary>
public enum SessionState
{
    Draft,
    Published,
    Cancelled,
}

public sealed record SessionInfo(SessionSnapshot Session, SessionState State, string? Description);

/// <summary>Ask Sessions for these sessions, whatever their state; unknown ids are left out.</summary>
public sealed record GetSessions(IReadOnlyCollection<Guid> SessionIds) : MediatR.IRequest<IReadOnlyList<SessionInfo>>;

/// <summary>The sessions of a series, in start order.</summary>
public sealed record GetSeriesSessions(Guid SeriesId) : MediatR.IRequest<IReadOnlyList<SessionInfo>>;

/// <summary>An iCalendar document (text) with these sessions as events, e.g. for a personal feed.</summary>
/// <param name="Method">PUBLISH (default), or CANCEL to take the sessions out of a calendar (an enrollment that ended).</param>
/// <param name="Language">The reader's language: SUMMARY and DESCRIPTION in it where staff translated them, else the default.</param>
public sealed record RenderSessionsCalendar(IReadOnlyCollection<Guid> SessionIds, string CalendarName, string? Method = null, string? Language = null) : MediatR.IRequest<string>;

/// <summary>Every session of these learning networks (drafts included), in start order; each snapshot names its network.</summary>
public sealed record GetLearningNetworkMeetings(IReadOnlyCollection<Guid> LearningNetworkIds) : MediatR.IRequest<IReadOnlyList<SessionInfo>>;

/// <summary>Published and cancelled sessions starting in [From, To), for reports; drafts are left out.</summary>
public sealed record GetSessionsStartingBetween(DateTimeOffset From, DateTimeOffset To) : MediatR.IRequest<IReadOnlyList<SessionInfo>>;
