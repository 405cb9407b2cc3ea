namespace LearningNetwork.Notifications.Contracts;

/// <summary>Every kind of email the system sends (API.md, "Kinds").</summary>
public enum EmailKind
{
    Invitation,
    PasswordReset,
    EnrollmentConfirmed,
    Waitlisted,
    WaitlistPromoted,
    EnrollmentCancelled,
    Reminder,
    SessionRescheduled,
    SessionCancelled,
    FollowUp,
    GuidelineUpdated,
}
