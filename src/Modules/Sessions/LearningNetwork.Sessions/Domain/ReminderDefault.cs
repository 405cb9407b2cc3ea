using LearningNetwork.Sessions.Contracts;

namespace LearningNetwork.Sessions.Domain;

/// <summary>The reminder and follow-up rules a new session of a kind gets when staff give none.</summary>
internal sealed class ReminderDefault
{
    private ReminderDefault()
    {
    }

    public ReminderDefault(SessionKind kind, ReminderRules rules, DateTimeOffset now)
    {
        Kind = kind;
        Change(rules, now);
    }

    public SessionKind Kind { get; private set; }

    public int[] ReminderMinutesBefore { get; private set; } = [];

    public int[] FollowUpMinutesAfter { get; private set; } = [];

    public DateTimeOffset UpdatedAt { get; private set; }

    public ReminderRules Rules => new(ReminderMinutesBefore, FollowUpMinutesAfter);

    public void Change(ReminderRules rules, DateTimeOffset now)
    {
        ReminderMinutesBefore = rules.MinutesBefore;
        FollowUpMinutesAfter = rules.MinutesAfter;
        UpdatedAt = now;
    }
}
