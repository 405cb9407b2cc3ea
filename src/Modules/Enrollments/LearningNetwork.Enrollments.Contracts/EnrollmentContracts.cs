using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Enrollments.Contracts;

public enum EnrollmentStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
}

public enum Attendance
{
    Unknown,
    Attended,
    Absent,
}

/// <summary>Why an enrollment ended.</summary>
public enum CancellationCause
{
    ByEnrollee,
    ByStaff,
    SessionCancelled,
    ManagerDeactivated,
    LeftLearningNetwork,
}

/// <summary>A seat was taken: the manager is expected at the session.</summary>
public sealed record EnrollmentConfirmed(Guid EnrollmentId, Guid SessionId, Guid ClusterManagerId, DateTimeOffset EnrolledAt) : IntegrationEvent
{
    /// <inheritdoc cref="EnrollmentWaitlisted.Session"/>
    public SessionSnapshot? Session { get; init; }

    /// <inheritdoc cref="EnrollmentWaitlisted.Enrollee"/>
    public ClusterManagerSummary? Enrollee { get; init; }

    /// <summary>The manager hears of it otherwise (a learning network's welcome lists its meetings): no confirmation email.</summary>
    public bool ToldOtherwise { get; init; }
}

/// <summary>The session was full: the manager waits at this position.</summary>
public sealed record EnrollmentWaitlisted(Guid EnrollmentId, Guid SessionId, Guid ClusterManagerId, int Position) : IntegrationEvent
{
    /// <summary>
    /// The session as the enrollment saw it (the enrollment had to read it anyway), so that whoever
    /// reacts, like the email that tells the manager, need not ask again for every enrollment of a
    /// busy session. Absent from events written before it was added: ask the Sessions module then.
    /// </summary>
    public SessionSnapshot? Session { get; init; }

    /// <summary>The enrolled manager as the enrollment saw them (active then); absent as <see cref="Session"/> is.</summary>
    public ClusterManagerSummary? Enrollee { get; init; }
}

/// <summary>A seat freed and went to the first person on the waitlist.</summary>
public sealed record WaitlistPromoted(Guid EnrollmentId, Guid SessionId, Guid ClusterManagerId) : IntegrationEvent;

/// <summary>An enrollment ended (not raised when the whole session is cancelled: SessionCancelled covers that).</summary>
public sealed record EnrollmentCancelled(Guid EnrollmentId, Guid SessionId, Guid ClusterManagerId, EnrollmentStatus PreviousStatus, CancellationCause Cause) : IntegrationEvent;

/// <summary>A cancelled session's enrollments ended and its seats and waitlist were emptied (no EnrollmentCancelled for each).</summary>
public sealed record SeatsOfCancelledSessionReleased(Guid SessionId) : IntegrationEvent;

public sealed record SeatCount(Guid SessionId, int SeatsTaken, int WaitlistLength);

/// <summary>Seats taken and waitlist length of these sessions (zero for sessions nobody enrolled in).</summary>
public sealed record GetSeatCounts(IReadOnlyCollection<Guid> SessionIds) : IRequest<IReadOnlyList<SeatCount>>;

/// <summary>
/// Enrollments decides a session's capacity, because it holds the seats: refused (409) below the
/// confirmed count; a rise promotes people from the waitlist at once. The decision commits here
/// with <see cref="SeatCapacityChanged"/>, which brings Sessions' copy of the capacity in line.
/// </summary>
public sealed record ChangeSessionCapacity(Guid SessionId, int Capacity) : IRequest<Unit>;

/// <summary>A session's capacity was decided (see <see cref="ChangeSessionCapacity"/>): whoever keeps a copy asks <see cref="GetSeatCapacity"/> for the latest.</summary>
public sealed record SeatCapacityChanged(Guid SessionId, int Capacity) : IntegrationEvent;

/// <summary>The capacity the seats are counted against; null while the session has no seat ledger (nobody enrolled, capacity never changed).</summary>
public sealed record GetSeatCapacity(Guid SessionId) : IRequest<int?>;

public sealed record Enrollee(
    Guid EnrollmentId, Guid ClusterManagerId, EnrollmentStatus Status, Attendance Attendance, CancellationCause? CancellationCause,
    DateTimeOffset EnrolledAt, DateTimeOffset? ConfirmedAt);

/// <summary>One-time feedback tokens for these enrollments (new ones each call; the older ones keep working until used).</summary>
public sealed record IssueFeedbackTokens(IReadOnlyCollection<Guid> EnrollmentIds) : IRequest<IReadOnlyDictionary<Guid, string>>;

/// <summary>Everyone who enrolled in a session, cancelled ones included (with their cause).</summary>
public sealed record GetSessionEnrollees(Guid SessionId) : IRequest<IReadOnlyList<Enrollee>>;

/// <summary>One confirmed enrollment as reports count it: who, where, whether they came, what they thought.</summary>
public sealed record EnrollmentFact(Guid SessionId, Guid ClusterManagerId, Attendance Attendance, int? Rating);

/// <summary>The confirmed (not cancelled, not waitlisted) enrollments of these sessions, for reports.</summary>
public sealed record GetEnrollmentFacts(IReadOnlyCollection<Guid> SessionIds) : IRequest<IReadOnlyList<EnrollmentFact>>;

/// <summary>
/// The confirmed enrollments of these sessions added up in the database, for a dashboard that shows
/// sums rather than people: per session and per manager.
/// </summary>
public sealed record GetEnrollmentTallies(IReadOnlyCollection<Guid> SessionIds) : IRequest<EnrollmentTallies>;

public sealed record EnrollmentTallies(IReadOnlyList<SessionTally> BySession, IReadOnlyList<ManagerTally> ByManager);

/// <summary>One session's confirmed enrollments: how many, how many attended, how many were marked at all, and their feedback.</summary>
public sealed record SessionTally(Guid SessionId, int Enrollments, int Attended, int Marked, int Ratings, int RatingSum);

/// <summary>One manager's confirmed enrollments in the sessions asked about, and how many they attended.</summary>
public sealed record ManagerTally(Guid ClusterManagerId, int Enrollments, int Attended);

/// <summary>
/// Enrolls a learning network's members in one of its meetings, in join order (confirmed up to
/// capacity, then waitlisted), so whichever comes first, the meeting's publication or a join,
/// seats people in the order they joined. A member already enrolled, deactivated or unknown is
/// skipped, and so is an earlier member with any enrollment in it, even a cancelled one (they
/// were enrolled before and chose to cancel); a new member is enrolled again unless enrolled
/// now. Safe to send again. A meeting that is not published or has started enrolls nobody.
/// Answers how many were enrolled.
/// </summary>
/// <param name="MembersInJoinOrder">Every member of the network, in the order they joined.</param>
/// <param name="NewMembers">Members who just joined: their welcome email lists the meeting, so they get no confirmation.</param>
public sealed record EnrollNetworkMembers(Guid SessionId, IReadOnlyList<Guid> MembersInJoinOrder, IReadOnlyCollection<Guid> NewMembers) : IRequest<int>;

/// <summary>Ends a manager's live enrollments in these sessions because they left the learning network (the waitlist moves up); answers how many ended.</summary>
public sealed record CancelNetworkEnrollments(IReadOnlyCollection<Guid> SessionIds, Guid ClusterManagerId) : IRequest<int>;

/// <summary>One enrollment: whose, which session, where it stands.</summary>
public sealed record EnrollmentRecord(Guid EnrollmentId, Guid SessionId, Guid ClusterManagerId, EnrollmentStatus Status, Attendance Attendance);

/// <summary>Ask for one enrollment; null when there is none with this id.</summary>
public sealed record GetEnrollment(Guid EnrollmentId) : IRequest<EnrollmentRecord?>;

/// <summary>A manager's enrollments marked Attended (for certificates), in no particular order.</summary>
public sealed record GetAttendedEnrollments(Guid ClusterManagerId) : IRequest<IReadOnlyList<EnrollmentRecord>>;
