using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;

namespace LearningNetwork.Sessions.Tests.Domain;

public sealed class SessionLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReminderRules Defaults = new([10080, 1440], [1440]);

    private static Session Draft(int capacity = 20, DateTime? start = null)
    {
        var begin = start ?? new DateTime(2027, 2, 2, 14, 0, 0);
        return Session.Schedule(
            new SessionDetails("Subsidieregels 2027", null, SessionKind.Training, "Brussel", null, capacity),
            begin, begin.AddHours(2), "Europe/Brussels", null, Defaults, Now);
    }

    /// <summary>The events raised since the last call, as SaveChanges would see them.</summary>
    private readonly Dictionary<Session, int> _seen = [];

    private List<IntegrationEvent> Events(Session session)
    {
        var events = session.PendingEvents.Skip(_seen.GetValueOrDefault(session)).ToList();
        _seen[session] = session.PendingEvents.Count;
        return events;
    }

    [Fact]
    public void A_scheduled_session_is_a_draft_with_its_times_in_UTC()
    {
        var session = Draft();

        Assert.Equal(SessionStatus.Draft, session.Status);
        Assert.Equal(new DateTimeOffset(2027, 2, 2, 13, 0, 0, TimeSpan.Zero), session.StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 2, 2, 15, 0, 0, TimeSpan.Zero), session.EndsAt);
        Assert.Empty(Events(session));
    }

    [Fact]
    public void A_session_cannot_start_in_the_spring_forward_gap()
    {
        var error = Assert.Throws<InvalidFieldException>(() => Draft(start: new DateTime(2027, 3, 28, 2, 30, 0)));

        Assert.Equal("start", error.Field);
    }

    [Fact]
    public void A_session_must_end_after_it_starts()
    {
        var error = Assert.Throws<InvalidFieldException>(() => Session.Schedule(
            new SessionDetails("x", null, SessionKind.Training, null, null, 5),
            new DateTime(2027, 2, 2, 14, 0, 0), new DateTime(2027, 2, 2, 13, 0, 0), "Europe/Brussels", null, Defaults, Now));

        Assert.Equal("end", error.Field);
    }

    [Fact]
    public void A_session_cannot_be_scheduled_in_the_past()
    {
        var error = Assert.Throws<InvalidFieldException>(() => Draft(start: new DateTime(2027, 1, 1, 10, 0, 0)));

        Assert.Equal("start", error.Field);
    }

    [Fact]
    public void The_enrollment_deadline_cannot_be_after_the_start()
    {
        var error = Assert.Throws<InvalidFieldException>(() => Session.Schedule(
            new SessionDetails("x", null, SessionKind.Training, null, null, 5),
            new DateTime(2027, 2, 2, 14, 0, 0), new DateTime(2027, 2, 2, 16, 0, 0), "Europe/Brussels",
            new DateTime(2027, 2, 2, 15, 0, 0), Defaults, Now));

        Assert.Equal("enrollmentDeadline", error.Field);
    }

    [Fact]
    public void Publishing_a_draft_announces_it()
    {
        var session = Draft();

        session.Publish(Now);

        Assert.Equal(SessionStatus.Published, session.Status);
        var published = Assert.IsType<SessionPublished>(Assert.Single(Events(session)));
        Assert.Equal(session.Id, published.Session.SessionId);
    }

    [Fact]
    public void Publishing_twice_is_a_conflict()
    {
        var session = Draft();
        session.Publish(Now);

        Assert.Throws<ConflictException>(() => session.Publish(Now));
    }

    [Fact]
    public void Rescheduling_a_published_session_raises_the_sequence_and_announces_both_times()
    {
        var session = Draft();
        session.Publish(Now);
        Events(session);

        session.Reschedule(new DateTime(2027, 2, 9, 10, 0, 0), new DateTime(2027, 2, 9, 12, 0, 0), Now);

        Assert.Equal(1, session.Sequence);
        var rescheduled = Assert.IsType<SessionRescheduled>(Assert.Single(Events(session)));
        Assert.Equal(new DateTimeOffset(2027, 2, 2, 13, 0, 0, TimeSpan.Zero), rescheduled.PreviousStartsAt);
        Assert.Equal(new DateTimeOffset(2027, 2, 9, 9, 0, 0, TimeSpan.Zero), rescheduled.Session.StartsAt);
    }

    [Fact]
    public void Rescheduling_a_draft_tells_nobody()
    {
        var session = Draft();

        session.Reschedule(new DateTime(2027, 2, 9, 10, 0, 0), new DateTime(2027, 2, 9, 12, 0, 0), Now);

        Assert.Empty(Events(session));
    }

    [Fact]
    public void Rescheduling_keeps_the_enrollment_deadline_at_the_same_distance_from_the_start()
    {
        var session = Session.Schedule(
            new SessionDetails("x", null, SessionKind.Training, null, null, 5),
            new DateTime(2027, 2, 2, 14, 0, 0), new DateTime(2027, 2, 2, 16, 0, 0), "Europe/Brussels",
            new DateTime(2027, 1, 31, 12, 0, 0), Defaults, Now);

        session.Reschedule(new DateTime(2027, 2, 9, 14, 0, 0), new DateTime(2027, 2, 9, 16, 0, 0), Now);

        Assert.Equal(new DateTime(2027, 2, 7, 12, 0, 0), session.EnrollmentDeadlineLocal);
    }

    [Fact]
    public void A_started_session_cannot_be_rescheduled()
    {
        var session = Draft();

        Assert.Throws<ConflictException>(() => session.Reschedule(
            new DateTime(2027, 2, 9, 10, 0, 0), new DateTime(2027, 2, 9, 12, 0, 0), session.StartsAt.AddMinutes(1)));
    }

    [Fact]
    public void Cancelling_a_published_session_announces_it_with_the_reason()
    {
        var session = Draft();
        session.Publish(Now);
        Events(session);

        session.Cancel("Speaker ill", Now);

        Assert.Equal(SessionStatus.Cancelled, session.Status);
        var cancelled = Assert.IsType<SessionCancelled>(Assert.Single(Events(session)));
        Assert.Equal("Speaker ill", cancelled.Reason);
    }

    [Fact]
    public void A_cancelled_session_cannot_be_edited_rescheduled_or_cancelled_again()
    {
        var session = Draft();
        session.Cancel("No longer needed", Now);

        Assert.Throws<ConflictException>(() => session.Cancel("again", Now));
        Assert.Throws<ConflictException>(() => session.Reschedule(new DateTime(2027, 2, 9, 10, 0, 0), new DateTime(2027, 2, 9, 12, 0, 0), Now));
        Assert.Throws<ConflictException>(() => session.Edit(new SessionDetails("y", null, SessionKind.Training, null, null, 5), "Europe/Brussels", null, null, Now));
        Assert.Throws<ConflictException>(() => session.Publish(Now));
    }

    [Fact]
    public void Raising_the_capacity_of_a_published_session_announces_it()
    {
        var session = Draft(capacity: 10);
        session.Publish(Now);
        Events(session);

        session.Edit(new SessionDetails("Subsidieregels 2027", null, SessionKind.Training, "Brussel", null, 15), "Europe/Brussels", null, null, Now);

        var change = Assert.Single(Events(session).OfType<SessionCapacityChanged>());
        Assert.Equal((10, 15), (change.PreviousCapacity, change.Capacity));
    }

    [Fact]
    public void Editing_without_reminder_rules_keeps_the_existing_ones()
    {
        var session = Draft();

        session.Edit(new SessionDetails("New title", null, SessionKind.Training, null, null, 5), "Europe/Brussels", null, rules: null, Now);

        Assert.Equal([10080, 1440], session.ReminderMinutesBefore);
        Assert.Equal("New title", session.Title);
    }

    [Fact]
    public void Reminder_rules_are_kept_distinct_and_ordered()
    {
        var rules = new ReminderRules([60, 1440, 60], [1440, 0]);

        Assert.Equal([1440, 60], rules.MinutesBefore);
        Assert.Equal([0, 1440], rules.MinutesAfter);
    }
}
