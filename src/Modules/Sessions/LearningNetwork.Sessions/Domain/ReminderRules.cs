namespace LearningNetwork.Sessions.Domain;

/// <summary>
/// When a session's reminders and follow-ups are due, in minutes relative to its start and end.
/// Kept sorted and distinct so equal rules compare equal and emails are not doubled.
/// </summary>
internal sealed record ReminderRules
{
    public const int MaxMinutes = 366 * 24 * 60;
    public const int MaxReminders = 10;
    public const int MaxFollowUps = 5;

    public ReminderRules(IEnumerable<int> minutesBefore, IEnumerable<int> minutesAfter)
    {
        MinutesBefore = minutesBefore.Distinct().OrderDescending().ToArray();
        MinutesAfter = minutesAfter.Distinct().Order().ToArray();
    }

    public int[] MinutesBefore { get; }

    public int[] MinutesAfter { get; }
}
