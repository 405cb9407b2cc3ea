namespace LearningNetwork.Notifications.Contracts;

/// <summary>Every kind of email the system sends (docs/api.md, "Emails").</summary>
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
    LearningNetworkWelcome,
    SessionMessage,
    SessionUpdated,
    SessionAnnounced,
    FundingDeadline,
}
