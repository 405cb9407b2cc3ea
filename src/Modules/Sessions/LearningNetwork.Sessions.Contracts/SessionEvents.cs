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
public sealed record RenderSessionsCalendar(IReadOnlyCollection<Guid> SessionIds, string CalendarName, string? Method = null) : MediatR.IRequest<string>;

/// <summary>Every session of these learning networks (drafts included), in start order; each snapshot names its network.</summary>
public sealed record GetLearningNetworkMeetings(IReadOnlyCollection<Guid> LearningNetworkIds) : MediatR.IRequest<IReadOnlyList<SessionInfo>>;

/// <summary>Published and cancelled sessions starting in [From, To), for reports; drafts are left out.</summary>
public sealed record GetSessionsStartingBetween(DateTimeOffset From, DateTimeOffset To) : MediatR.IRequest<IReadOnlyList<SessionInfo>>;
