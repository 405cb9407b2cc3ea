using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Sessions.Contracts;

using System.Globalization;
using System.Text.Json.Serialization;

namespace LearningNetwork.ApiClient;

// The answers of the API calls LearningNetworkApi makes (docs/api.md), one record per shape,
// with the fields the pages show and the tests check. Where a module's Contracts hold the answer
// itself (a use case the web UI sends in process, such as Sessions' SessionView), the client uses
// that record; the others are the UI's reading of shapes the modules keep internal. Where a field
// is one of the modules' Contracts enums, it is that enum, read from its name as the API writes it.

/// <summary>The filters of the session list (GET /api/sessions); the API checks them.</summary>
public sealed record SessionQuery(
    string? From = null, string? To = null, string? Status = null, string? Kind = null, string? Search = null, int? Page = null, int? PageSize = null);

/// <summary>The filters of the cluster manager list (GET /api/cluster-managers).</summary>
public sealed record ManagerQuery(string? Search = null, Guid? ClusterId = null, bool ActiveOnly = false, int? Page = null, int? PageSize = null);

/// <summary>The filters of the audit log (GET /api/audit).</summary>
public sealed record AuditQuery(
    string? Action = null, Guid? ActorId = null, Guid? EntityId = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int? Page = null, int? PageSize = null);

/// <summary>The filters of the email send log (GET /api/notifications).</summary>
public sealed record EmailQuery(string? Recipient = null, string? Kind = null, string? Status = null, Guid? SessionId = null, int? Page = null, int? PageSize = null);

// The bodies of the forms' requests. Codes stay as the form posted them: the API checks them and
// names the field of a wrong one. A null is left out of the JSON.

/// <summary>
/// A session's fields: POST /api/sessions, and PUT /api/sessions/{id} without Start and End (those
/// move with a reschedule). Codes as strings, so the API judges a wrong one.
/// </summary>
public sealed record SessionRequest(
    string Title, string? Kind, string? TimeZone, int? Capacity, string? Start = null, string? End = null, string? Description = null,
    string? Location = null, string? OnlineUrl = null, string? EnrollmentDeadline = null, IReadOnlyList<ReminderView>? Reminders = null,
    IReadOnlyList<FollowUpView>? FollowUps = null, Guid? LearningNetworkId = null, IReadOnlyDictionary<string, SessionText>? Translations = null);

/// <summary>The dates a series would have (POST /api/series/preview).</summary>
public sealed record SeriesPreviewRequest(string? TimeZone, string FirstStart, int? DurationMinutes, string Recurrence);

/// <summary>A series of draft sessions from a recurrence rule (POST /api/series).</summary>
public sealed record SeriesRequest(
    string Title, string? Kind, string? TimeZone, string FirstStart, int? DurationMinutes, string Recurrence, int? Capacity, string? Description = null,
    string? Location = null, string? OnlineUrl = null, IReadOnlyList<ReminderView>? Reminders = null, IReadOnlyList<FollowUpView>? FollowUps = null,
    Guid? LearningNetworkId = null, IReadOnlyDictionary<string, SessionText>? Translations = null);

public sealed record ClusterRequest(
    string Name, string Type, string? Domain = null, DateOnly? FundingStart = null, DateOnly? FundingEnd = null, int? MemberCompanies = null, string? PostFundingPlan = null);

public sealed record ManagerRequest(Guid? ClusterId, string FullName, string Email, string PreferredLanguage, string? Phone = null);

public sealed record FundingCallRequest(
    string Title, string Instrument, string? Description, IReadOnlyList<string> EligibleClusterTypes, string OpensOn, string Deadline, string TimeZone,
    string? Url, IReadOnlyList<Guid> GuidelineIds, IReadOnlyList<ReminderDaysView>? Reminders);

public sealed record NetworkRequest(string Name, string Theme, string? Description, string Membership, Guid? FacilitatorStaffId);

public sealed record AnnouncementRequest(AudienceRequest Audience, string? Note);

public sealed record AudienceRequest(IReadOnlyList<string> ClusterTypes, IReadOnlyList<Guid> ClusterIds, string? FundingStatus, Guid? LearningNetworkId);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, bool TotalIsLowerBound = false);

public sealed record StaffMemberView(Guid UserId, string Email, string FullName, string PreferredLanguage, bool IsActive, bool Activated, IReadOnlyList<string>? Roles)
{
    public bool IsAdmin => Roles?.Contains("Admin") == true;
}

public sealed record Me(Guid UserId, string Email, string FullName, IReadOnlyList<string> Roles, Guid? ClusterManagerId, string PreferredLanguage);

public sealed record ReminderView(int MinutesBefore);

public sealed record FollowUpView(int MinutesAfter);

/// <summary>A session's title and description in the current UI culture's language when staff translated them, else the default ones.</summary>
public static class SessionTexts
{
    public static string LocalTitle(this SessionView session) => Pick(session.Translations)?.Title ?? session.Title;

    public static string? LocalDescription(this SessionView session) => Pick(session.Translations) is { } text ? text.Description ?? session.Description : session.Description;

    /// <summary>The title and description in the current UI culture's language, if staff wrote them.</summary>
    public static SessionText? Pick(IReadOnlyDictionary<string, SessionText>? translations) =>
        translations is not null && translations.TryGetValue(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, out var text) ? text : null;
}

public sealed record EnrollmentView(Guid Id, Guid SessionId, Guid ClusterManagerId, EnrollmentStatus Status, int? WaitlistPosition, Attendance Attendance, DateTime EnrolledAt);

public sealed record SeriesEnrollmentsView(IReadOnlyList<EnrollmentView> Enrollments);

public sealed record MessageQueuedView(int Recipients);

public sealed record AnnouncementView(int Recipients, bool DryRun);

/// <summary>The reminders and follow-ups new sessions of each kind get (GET and PUT /api/reminder-defaults), under the kind's name.</summary>
public sealed record ReminderDefaultsView(
    [property: JsonPropertyName("Training")] KindRulesView? Training, [property: JsonPropertyName("LearningNetworkMeeting")] KindRulesView? LearningNetworkMeeting);

public sealed record KindRulesView(IReadOnlyList<ReminderView> Reminders, IReadOnlyList<FollowUpView> FollowUps);

public sealed record PreferencesView(string PreferredLanguage, bool Announcements);

public sealed record MySession(
    Guid Id, string Title, SessionKind Kind, SessionState Status, string Start, string End, string TimeZone, DateTime StartsAt, string? Location, string? OnlineUrl,
    IReadOnlyDictionary<string, SessionText>? Translations = null)
{
    public string LocalTitle => SessionTexts.Pick(Translations)?.Title ?? Title;
}

public sealed record MyEnrollment(Guid Id, Guid SessionId, EnrollmentStatus Status, int? WaitlistPosition, Attendance Attendance, DateTime EnrolledAt, MySession Session);

public sealed record Participant(
    Guid Id, Guid ClusterManagerId, string FullName, string ClusterName, EnrollmentStatus Status, int? WaitlistPosition, Attendance Attendance, DateTime EnrolledAt,
    string Email = "", string? Phone = null);

public sealed record FeedbackSummaryView(int Responses, double? AverageRating, IReadOnlyList<string> Comments);

public sealed record CalendarFeed(string Url);

public sealed record ClusterView(Guid Id, string Name, string Type, string? Domain, DateOnly? FundingStart, DateOnly? FundingEnd, int? MemberCompanies, string PostFundingPlan, int ActiveManagers, FundingStatus FundingStatus = FundingStatus.None);

public sealed record ManagerView(Guid Id, Guid ClusterId, string ClusterName, string FullName, string Email, string PreferredLanguage, string? Phone, bool IsActive, string Status = "Invited", DateTime? InvitedAt = null);

/// <summary>A guideline one manager downloaded (staff's view of a manager).</summary>
public sealed record ManagerDownloadView(Guid GuidelineId, string Title, int Version, DateTime At);

/// <summary>A learning network one manager belongs to (staff's view of a manager).</summary>
public sealed record ManagerNetworkView(Guid NetworkId, string Name, string Theme, NetworkMembership Membership, DateTime JoinedAt);

public sealed record ImportErrorView(int Line, string Field, string Message);

public sealed record ImportResultView(int Created, int Updated, int Unchanged, bool DryRun, IReadOnlyList<ImportErrorView> Errors, IReadOnlyList<ImportedPersonView> People);

public sealed record ImportedPersonView(int Line, string FullName, string Email, string ClusterName, string Action);

public sealed record GuidelineVersionView(
    int Number, string FileName, string ContentType, long SizeBytes, DateTime UploadedAt, DateTime? PublishedAt, string? ChangeNote, string Sha256 = "");

public sealed record GuidelineView(Guid Id, string Title, string Category, string Language, string? Summary, string Status, IReadOnlyList<GuidelineVersionView> Versions);

public sealed record DownloadEntry(Guid UserId, Guid? ClusterManagerId, int Version, DateTime At);

public sealed record EmailView(Guid Id, EmailKind Kind, string Recipient, Guid? SessionId, DateTime DueAt, DateTime? SentAt, string Status, int Attempts, string? LastError);

public sealed record SeriesCreated(Guid Id, IReadOnlyList<Guid> SessionIds);

public sealed record PreviewedSessionView(string Start, string End, DateTime StartsAt, DateTime EndsAt);

public sealed record SeriesPreviewView(string TimeZone, IReadOnlyList<PreviewedSessionView> Sessions);

public sealed record ClusterFigures(Guid ClusterId, string Name, int Enrollments, int Attended);

public sealed record MonthFigures(string Month, int Sessions, int Enrollments, int Attended);

public sealed record ReminderFigures(int Sent, int Failed, int Pending);

public sealed record Overview(
    DateOnly From, DateOnly To, int Clusters, int ClusterManagers, int SessionsHeld, int UpcomingSessions, int Enrollments, double? AttendanceRate, double? NoShowRate,
    double? AverageFeedback, IReadOnlyList<ClusterFigures> ByCluster, IReadOnlyList<MonthFigures> ByMonth, ReminderFigures Reminders);

public sealed record UpcomingMeetingView(Guid SessionId, string Title, DateTime StartsAt);

public sealed record NetworkMeetingView(Guid SessionId, string Title, DateTime StartsAt, DateTime EndsAt, SessionState Status);

public sealed record NetworkView(
    Guid Id, string Name, string Theme, string? Description, NetworkMembership Membership, Guid? FacilitatorStaffId, int MemberCount, bool? IsMember,
    IReadOnlyList<UpcomingMeetingView> UpcomingMeetings, IReadOnlyList<NetworkMeetingView> Meetings);

public sealed record NetworkMemberView(Guid ClusterManagerId, string FullName, string Email, string ClusterName, DateTime JoinedAt);

public sealed record MembersAddedView(int Added, int AlreadyMembers);

public sealed record AttendanceMeetingView(Guid SessionId, string Title, DateTime StartsAt, string StartLocal, string TimeZone);

public sealed record AttendanceRowView(Guid ClusterManagerId, string FullName, string ClusterName, bool IsMember, IReadOnlyList<string> Marks, double? AttendanceRate);

public sealed record AttendanceView(string NetworkName, IReadOnlyList<AttendanceMeetingView> Meetings, IReadOnlyList<AttendanceRowView> Members);

public sealed record ParticipationRowView(
    Guid ClusterId, string ClusterName, string ClusterType, int SessionsAttended, double HoursAttended, int SessionsAttendedPostFunding,
    double HoursAttendedPostFunding, int ManagersAttending, int Enrollments, int NoShows, double? AverageFeedback, DateOnly? LastAttended);

public sealed record ClustersByTypeView(int SpearheadCluster, int InnovativeBusinessNetwork);

public sealed record ParticipationView(int Year, int ClustersReached, ClustersByTypeView ClustersReachedByType, int PostFundingClustersReached, IReadOnlyList<ParticipationRowView> Rows);

public sealed record CertificateView(Guid EnrollmentId, Guid SessionId, string Title, DateTime StartsAt, double Hours, Guid? LearningNetworkId);

public sealed record ReminderDaysView(int DaysBefore);

public sealed record GuidelineLinkView(Guid Id, string Title);

public sealed record FundingCallView(
    Guid Id, string Title, string Instrument, string? Description, IReadOnlyList<string> EligibleClusterTypes, string OpensOn, string Deadline,
    string TimeZone, DateTime DeadlineAt, string? Url, IReadOnlyList<GuidelineLinkView> Guidelines, IReadOnlyList<ReminderDaysView> Reminders, string Status);

public sealed record ClusterChangeView(DateTime At, Guid? ActorId, string Field, string? OldValue, string? NewValue);

public sealed record AuditEntryView(DateTime At, Guid? ActorId, string ActorEmail, string Action, string? EntityType, Guid? EntityId, string Summary, string? ClientAddress);

/// <summary>
/// Everything stored about a cluster manager, in every module (GET /api/cluster-managers/{id}/personal-data and
/// GET /api/me/personal-data): the host's document of the modules' answers, field for field.
/// </summary>
public sealed record PersonalDataExport(
    Guid ClusterManagerId, DateTimeOffset ExportedAt, DirectoryDataView Directory, AccountDataView? Account, EnrollmentDataView Enrollments,
    IReadOnlyList<MembershipDataView> LearningNetworks, IReadOnlyList<DownloadDataView> Downloads, IReadOnlyList<EmailDataView> Emails);

public sealed record DirectoryDataView(
    Guid ClusterManagerId, string FullName, string Email, string? Phone, string PreferredLanguage, bool Announcements,
    Guid ClusterId, string ClusterName, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DeactivatedAt);

public sealed record AccountDataView(
    Guid UserId, string Email, string FullName, string PreferredLanguage, IReadOnlyList<string> Roles, bool IsActive, bool Activated,
    DateTimeOffset CreatedAt, DateTimeOffset? LockedOutUntil, IReadOnlyList<AuditEntryAboutPersonView> AuditEntries);

public sealed record AuditEntryAboutPersonView(DateTimeOffset At, string Action, string Summary, string? ClientAddress);

public sealed record EnrollmentDataView(IReadOnlyList<EnrollmentOfPersonView> Enrollments, IReadOnlyList<FeedbackDataView> Feedback, CalendarFeedDataView? CalendarFeed);

public sealed record EnrollmentOfPersonView(
    Guid EnrollmentId, Guid SessionId, EnrollmentStatus Status, Attendance Attendance, long? WaitlistNumber,
    DateTimeOffset EnrolledAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? CancelledAt, string? CancellationCause);

public sealed record FeedbackDataView(Guid SessionId, int Rating, string? Comment, DateTimeOffset SubmittedAt);

public sealed record CalendarFeedDataView(DateTimeOffset CreatedAt);

public sealed record MembershipDataView(Guid NetworkId, string Name, DateTimeOffset JoinedAt);

public sealed record DownloadDataView(Guid GuidelineId, string Title, int Version, DateTimeOffset At);

public sealed record EmailDataView(EmailKind Kind, string? Subject, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string Status);
