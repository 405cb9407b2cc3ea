using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Sessions.Contracts;

namespace LearningNetwork.Enrollments.Domain;

/// <summary>
/// One manager's place at one session: confirmed (a seat) or waitlisted (a number in the queue),
/// until cancelled. Seats themselves are counted in <see cref="SessionSeats"/>.
/// </summary>
internal sealed class Enrollment : AggregateRoot
{
    private Enrollment()
    {
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid ClusterManagerId { get; private set; }

    public Guid? SeriesId { get; private set; }

    public EnrollmentStatus Status { get; private set; }

    /// <summary>Queue number from the session's counter: first come, first served, unique per session.</summary>
    public long? WaitlistNumber { get; private set; }

    public Attendance Attendance { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public CancellationCause? CancellationCause { get; private set; }

    /// <param name="seen">The session and the manager as read for this enrollment; they travel with the event.</param>
    /// <param name="toldOtherwise">The manager hears of it another way (a learning network's welcome): no confirmation email.</param>
    public static Enrollment Confirmed(Guid sessionId, Guid clusterManagerId, Guid? seriesId, DateTimeOffset now, EnrollmentSeen? seen = null, bool toldOtherwise = false)
    {
        var enrollment = New(sessionId, clusterManagerId, seriesId, EnrollmentStatus.Confirmed, null, now);
        enrollment.ConfirmedAt = now;
        enrollment.Raise(new EnrollmentConfirmed(enrollment.Id, sessionId, clusterManagerId, now)
        {
            Session = seen?.Session, Enrollee = seen?.Enrollee, ToldOtherwise = toldOtherwise,
        });
        return enrollment;
    }

    /// <inheritdoc cref="Confirmed"/>
    public static Enrollment Waitlisted(Guid sessionId, Guid clusterManagerId, Guid? seriesId, long waitlistNumber, int position, DateTimeOffset now, EnrollmentSeen? seen = null)
    {
        var enrollment = New(sessionId, clusterManagerId, seriesId, EnrollmentStatus.Waitlisted, waitlistNumber, now);
        enrollment.Raise(new EnrollmentWaitlisted(enrollment.Id, sessionId, clusterManagerId, position) { Session = seen?.Session, Enrollee = seen?.Enrollee });
        return enrollment;
    }

    public void Promote(DateTimeOffset now)
    {
        Status = EnrollmentStatus.Confirmed;
        WaitlistNumber = null;
        ConfirmedAt = now;
        Raise(new WaitlistPromoted(Id, SessionId, ClusterManagerId));
    }

    /// <summary>Returns the status it had, so the caller knows whether a seat or a queue place was freed.</summary>
    public EnrollmentStatus Cancel(CancellationCause cause, DateTimeOffset now, bool announce = true)
    {
        var previous = Status;
        Status = EnrollmentStatus.Cancelled;
        WaitlistNumber = null;
        CancelledAt = now;
        CancellationCause = cause;
        if (announce)
        {
            Raise(new EnrollmentCancelled(Id, SessionId, ClusterManagerId, previous, cause));
        }

        return previous;
    }

    public void MarkAttendance(Attendance attendance) => Attendance = attendance;

    private static Enrollment New(Guid sessionId, Guid clusterManagerId, Guid? seriesId, EnrollmentStatus status, long? waitlistNumber, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SessionId = sessionId,
        ClusterManagerId = clusterManagerId,
        SeriesId = seriesId,
        Status = status,
        WaitlistNumber = waitlistNumber,
        Attendance = Attendance.Unknown,
        EnrolledAt = now,
    };
}

/// <summary>
/// The seat ledger of one session. Seats are taken only by one conditional UPDATE on this row
/// (seats_taken &lt; capacity), and a CHECK constraint refuses any over-booking whatever the code
/// does; the row lock also puts concurrent enrollments of one session in a single queue.
/// </summary>
internal sealed class SessionSeats
{
    public Guid SessionId { get; set; }

    public int Capacity { get; set; }

    public int SeatsTaken { get; set; }

    public int WaitlistLength { get; set; }

    /// <summary>Last queue number handed out: numbers only grow, so the queue order is the order of arrival.</summary>
    public long WaitlistCounter { get; set; }
}

/// <summary>
/// A session's running sums for the dashboard, kept by the database itself: triggers on the
/// enrollments and feedback tables add each statement's change, so every way of writing them
/// (one enrollment, a network's bulk enrollment, attendance, feedback, erasure) keeps the sums
/// true, and the dashboard reads one row per session instead of adding up every enrollment.
/// Only confirmed enrollments count; ratings count for confirmed enrollments.
/// </summary>
internal sealed class SessionFigures
{
    public Guid SessionId { get; set; }

    public int Confirmed { get; set; }

    public int Attended { get; set; }

    /// <summary>Confirmed enrollments whose attendance was marked (attended or absent).</summary>
    public int Marked { get; set; }

    public int Ratings { get; set; }

    public int RatingSum { get; set; }
}

/// <summary>A manager's secret calendar feed: looked up by the hash of its token.</summary>
internal sealed class CalendarFeed
{
    public Guid ClusterManagerId { get; set; }

    public string TokenHash { get; set; } = "";

    /// <summary>The token, protected with data protection, so the manager can be shown the address again.</summary>
    public string ProtectedToken { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A one-time token from a follow-up email's feedback link; only its hash is stored.</summary>
internal sealed class FeedbackToken
{
    public string TokenHash { get; set; } = "";

    public Guid EnrollmentId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>What one participant thought of a session; one answer per enrollment.</summary>
internal sealed class FeedbackResponse
{
    public Guid EnrollmentId { get; set; }

    public Guid SessionId { get; set; }

    public int Rating { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>What an enrollment read about its session and its manager before it was made.</summary>
internal sealed record EnrollmentSeen(SessionSnapshot Session, ClusterManagerSummary Enrollee);
