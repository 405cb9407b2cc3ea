namespace LearningNetwork.Host.Ui;

/// <summary>The sets of codes the API answers with (enums as strings) that pages show to people.</summary>
public enum Vocabulary
{
    SessionKind,
    SessionStatus,
    EnrollmentStatus,
    Attendance,
    AttendanceMark,
    ClusterType,
    PostFundingPlan,
    FundingStatus,
    EmailKind,
    EmailStatus,
    GuidelineStatus,
    FundingCallStatus,
    NetworkMembership,
    ManagerStatus,
}

/// <summary>
/// The codes of each vocabulary a page shows, in the order a choice list offers them. Their labels
/// are texts like any other on the pages, in Resources/Ui/UiText{,.nl,.fr}.resx under the key
/// "Vocabulary.Code" ("SessionKind.LearningNetworkMeeting"), so that translators' tools see them,
/// and no page ever shows "LearningNetworkMeeting" or "WaitlistPromoted". Each vocabulary has its
/// own labels because the same code reads differently by what it qualifies (French: a session is
/// "publiée", a call "publié"). A test holds every vocabulary against the API's enums and the
/// resource files: a code without a label in each language fails it.
/// </summary>
internal static class UiLabels
{
    public static readonly IReadOnlyDictionary<Vocabulary, IReadOnlyList<string>> Codes =
        new Dictionary<Vocabulary, IReadOnlyList<string>>
        {
            [Vocabulary.SessionKind] = ["Training", "LearningNetworkMeeting"],
            [Vocabulary.SessionStatus] = ["Draft", "Published", "Cancelled"],
            [Vocabulary.EnrollmentStatus] = ["Confirmed", "Waitlisted", "Cancelled"],
            [Vocabulary.Attendance] = ["Unknown", "Attended", "Absent"],
            [Vocabulary.AttendanceMark] = ["Attended", "Absent", "Unknown", "NotEnrolled"],
            [Vocabulary.ClusterType] = ["SpearheadCluster", "InnovativeBusinessNetwork"],
            [Vocabulary.PostFundingPlan] = ["Undecided", "ContinueIndependently", "JoinSpearheadCluster", "JoinCollectiveCentre", "Stop"],
            [Vocabulary.FundingStatus] = ["None", "Funded", "PostFunding"],
            [Vocabulary.EmailKind] = ["Invitation", "PasswordReset", "EnrollmentConfirmed", "Waitlisted", "WaitlistPromoted", "EnrollmentCancelled", "Reminder", "SessionRescheduled", "SessionCancelled", "FollowUp", "GuidelineUpdated", "LearningNetworkWelcome", "SessionMessage", "SessionUpdated", "SessionAnnounced", "FundingDeadline"],
            [Vocabulary.EmailStatus] = ["Pending", "Sending", "Sent", "Failed", "Skipped"],
            [Vocabulary.GuidelineStatus] = ["Draft", "Published"],
            [Vocabulary.FundingCallStatus] = ["Draft", "Published", "Closed", "Withdrawn"],
            [Vocabulary.ManagerStatus] = ["Invited", "Active", "Deactivated"],
            [Vocabulary.NetworkMembership] = ["Open", "MembersOnly"],
        };

    /// <summary>The resource key of a code's label.</summary>
    public static string Key(Vocabulary vocabulary, string code) => $"{vocabulary}.{code}";
}
