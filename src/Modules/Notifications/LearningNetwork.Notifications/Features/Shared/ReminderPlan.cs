using LearningNetwork.Enrollments.Contracts;

namespace LearningNetwork.Notifications.Features.Shared;

/// <summary>
/// When reminders and follow-ups are due and who gets them. Rules are minutes of real time: a
/// reminder 1440 minutes before a session is exactly 24 hours before it, also across a DST change.
/// </summary>
internal static class ReminderPlan
{
    public static DateTimeOffset ReminderDue(DateTimeOffset startsAt, int minutesBefore) => startsAt.AddMinutes(-minutesBefore);

    public static DateTimeOffset FollowUpDue(DateTimeOffset endsAt, int minutesAfter) => endsAt.AddMinutes(minutesAfter);

    /// <summary>Confirmed at the due time, and confirmed before it: whoever got their seat later had the confirmation instead.</summary>
    public static bool GetsReminder(Enrollee enrollee, DateTimeOffset dueAt) =>
        enrollee.Status == EnrollmentStatus.Confirmed && (enrollee.ConfirmedAt ?? enrollee.EnrolledAt) <= dueAt;

    /// <summary>The follow-up variant: missed-you for those marked absent, thank-you (with feedback) for the others; none for the cancelled.</summary>
    public static string? FollowUpTemplate(Enrollee enrollee) => enrollee.Status != EnrollmentStatus.Confirmed
        ? null
        : enrollee.Attendance == Attendance.Absent ? "FollowUpMissed" : "FollowUp";
}
