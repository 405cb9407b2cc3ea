using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.Sessions.Contracts;

namespace LearningNetwork.ApiClient;

/// <summary>
/// The typed client of the HTTP API, one method per API call. The web UI is the API's first
/// client: its pages read and change everything through it, over the same endpoints, rules and
/// validation as scripts and integrations, so the UI can never do what the API would refuse. The
/// HTTP tests call the API through it too, so a test reads as what it specifies. The routes are
/// in this class only; the answers are the records in ApiModels.cs, with the modules' Contracts
/// enums where the API answers with them. Who calls, and how the request travels, is the given
/// HttpClient's business: its base address, its handlers (the UI's pass on the browser's
/// credentials, a test's client carries a bearer token), never this class's. Inside the host,
/// calls whose request and answer are in a module's Contracts go to the use case in process
/// through <see cref="IUseCaseSender"/> instead, with the same request, rules and answer.
/// </summary>
public sealed class LearningNetworkApi(HttpClient http, IUseCaseSender? inProcess = null)
{
    /// <summary>The lists the pages show whole are asked for in one page of this size.</summary>
    private const int Whole = 200;

    /// <summary>The API's JSON: camelCase, enums as their names.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // Accounts: the signed-in person, staff accounts, emailed links.

    public Task<ApiResult<NoBody>> RequestPasswordResetAsync(string email) =>
        PostAsync<NoBody>("/api/auth/forgot-password", new { email });

    public Task<ApiResult<NoBody>> ActivateAccountAsync(string token, string password) =>
        PostAsync<NoBody>("/api/auth/activate", new { token, password });

    public Task<ApiResult<NoBody>> ResetPasswordAsync(string token, string password) =>
        PostAsync<NoBody>("/api/auth/reset-password", new { token, password });

    public Task<ApiResult<NoBody>> ChangePasswordAsync(string currentPassword, string newPassword) =>
        PostAsync<NoBody>("/api/me/password", new { currentPassword, newPassword });

    public Task<ApiResult<List<StaffMemberView>>> GetStaffAsync() => GetAsync<List<StaffMemberView>>("/api/staff");

    /// <summary>Who is signed in: their account, roles and (a manager) their directory entry.</summary>
    public Task<ApiResult<Me>> GetMeAsync() => GetAsync<Me>("/api/me");

    public Task<ApiResult<NoBody>> InviteStaffAsync(string email, string fullName, string? preferredLanguage = null) =>
        PostAsync<NoBody>("/api/staff", new { email, fullName, preferredLanguage });

    public Task<ApiResult<StaffMemberView>> DeactivateStaffAsync(Guid userId) => PostAsync<StaffMemberView>($"/api/staff/{userId}/deactivate");

    public Task<ApiResult<StaffMemberView>> SetStaffRolesAsync(Guid userId, IReadOnlyList<string> roles) =>
        PutAsync<StaffMemberView>($"/api/staff/{userId}/roles", new { roles });

    public Task<ApiResult<Paged<AuditEntryView>>> GetAuditLogAsync(AuditQuery query) =>
        GetAsync<Paged<AuditEntryView>>("/api/audit" + Query.Build(
            ("action", query.Action), ("actorId", query.ActorId?.ToString()), ("entityId", query.EntityId?.ToString()),
            ("from", query.From?.ToString("O", CultureInfo.InvariantCulture)), ("to", query.To?.ToString("O", CultureInfo.InvariantCulture)),
            ("page", Number(query.Page)), ("pageSize", Number(query.PageSize))));

    // A cluster manager's own things.

    public Task<ApiResult<PreferencesView>> GetPreferencesAsync() => GetAsync<PreferencesView>("/api/me/preferences");

    public Task<ApiResult<PreferencesView>> SavePreferencesAsync(string preferredLanguage, bool announcements) =>
        PutAsync<PreferencesView>("/api/me/preferences", new { preferredLanguage, announcements });

    public Task<ApiResult<Paged<MyEnrollment>>> GetMyEnrollmentsAsync(bool includeCancelled = false) =>
        GetAsync<Paged<MyEnrollment>>("/api/me/enrollments" + Query.Build(("includeCancelled", includeCancelled ? "true" : null), ("pageSize", Number(Whole))));

    public Task<ApiResult<List<CertificateView>>> GetMyCertificatesAsync() => GetAsync<List<CertificateView>>("/api/me/certificates");

    public Task<ApiResult<CalendarFeed>> GetCalendarFeedAsync() => GetAsync<CalendarFeed>("/api/me/calendar-feed");

    public Task<ApiResult<CalendarFeed>> RenewCalendarFeedAsync() => PostAsync<CalendarFeed>("/api/me/calendar-feed/rotate");

    public Task<ApiResult<NoBody>> SendFeedbackAsync(string token, int? rating, string? comment) =>
        PostAsync<NoBody>("/api/feedback", new { token, rating, comment });

    public Task<ApiResult<NoBody>> UnsubscribeAsync(string token) => PostAsync<NoBody>("/api/unsubscribe" + Query.Build(("token", token)));

    // Sessions and series.

    public Task<ApiResult<Paged<SessionView>>> GetSessionsAsync(SessionQuery query) =>
        inProcess is null
            ? GetAsync<Paged<SessionView>>("/api/sessions" + Query.Build(
                ("from", query.From), ("to", query.To), ("status", query.Status), ("kind", query.Kind), ("search", query.Search),
                ("page", Number(query.Page)), ("pageSize", Number(query.PageSize ?? Whole))))
            : PagedAsync(inProcess.SendAsync(new ListSessions(
                Query.Value(query.From), Query.Value(query.To), Query.Value(query.Kind), Query.Value(query.Status), query.Page, query.PageSize ?? Whole)
            { Search = Query.Value(query.Search) }));

    public Task<ApiResult<SessionView>> GetSessionAsync(Guid sessionId) => GetAsync<SessionView>($"/api/sessions/{sessionId}");

    /// <summary>A new draft session.</summary>
    public Task<ApiResult<SessionView>> CreateSessionAsync(SessionRequest session) => PostAsync<SessionView>("/api/sessions", session);

    public Task<ApiResult<SessionView>> UpdateSessionAsync(Guid sessionId, SessionRequest session) => PutAsync<SessionView>($"/api/sessions/{sessionId}", session);

    public Task<ApiResult<ReminderDefaultsView>> GetReminderDefaultsAsync() => GetAsync<ReminderDefaultsView>("/api/reminder-defaults");

    public Task<ApiResult<ReminderDefaultsView>> SaveReminderDefaultsAsync(ReminderDefaultsView defaults) =>
        PutAsync<ReminderDefaultsView>("/api/reminder-defaults", defaults);

    public Task<ApiResult<NoBody>> SetMaterialsAsync(Guid sessionId, IReadOnlyList<Guid> guidelineIds) =>
        PutAsync<NoBody>($"/api/sessions/{sessionId}/materials", new { guidelineIds });

    public Task<ApiResult<SessionView>> PublishSessionAsync(Guid sessionId) => PostAsync<SessionView>($"/api/sessions/{sessionId}/publish");

    public Task<ApiResult<SessionView>> CancelSessionAsync(Guid sessionId, string reason) => PostAsync<SessionView>($"/api/sessions/{sessionId}/cancel", new { reason });

    public Task<ApiResult<SessionView>> RescheduleSessionAsync(Guid sessionId, string start, string end) =>
        PostAsync<SessionView>($"/api/sessions/{sessionId}/reschedule", new { start, end });

    public Task<ApiResult<AnnouncementView>> AnnounceSessionAsync(Guid sessionId, AnnouncementRequest announcement, bool dryRun) =>
        PostAsync<AnnouncementView>($"/api/sessions/{sessionId}/announce" + Query.Build(("dryRun", dryRun ? "true" : null)), announcement);

    public Task<ApiResult<MessageQueuedView>> MessageParticipantsAsync(Guid sessionId, string subject, string body, string to) =>
        PostAsync<MessageQueuedView>($"/api/sessions/{sessionId}/messages", new { subject, body, to });

    public Task<ApiResult<FeedbackSummaryView>> GetFeedbackSummaryAsync(Guid sessionId) => GetAsync<FeedbackSummaryView>($"/api/sessions/{sessionId}/feedback");

    public Task<ApiResult<SeriesPreviewView>> PreviewSeriesAsync(SeriesPreviewRequest series) => PostAsync<SeriesPreviewView>("/api/series/preview", series);

    public Task<ApiResult<SeriesCreated>> CreateSeriesAsync(SeriesRequest series) => PostAsync<SeriesCreated>("/api/series", series);

    public Task<ApiResult<NoBody>> PublishSeriesAsync(Guid seriesId) => PostAsync<NoBody>($"/api/series/{seriesId}/publish");

    // Enrollments.

    public Task<ApiResult<List<Participant>>> GetParticipantsAsync(Guid sessionId) => GetAsync<List<Participant>>($"/api/sessions/{sessionId}/enrollments");

    /// <summary>Enrolls the signed-in manager, or (staff) the given one.</summary>
    public Task<ApiResult<EnrollmentView>> EnrollAsync(Guid sessionId, Guid? clusterManagerId = null) =>
        PostAsync<EnrollmentView>($"/api/sessions/{sessionId}/enrollments", new { clusterManagerId });

    /// <summary>Enrolls the signed-in manager, or (staff) the given one, in every open session of a series.</summary>
    public Task<ApiResult<SeriesEnrollmentsView>> EnrollInSeriesAsync(Guid seriesId, Guid? clusterManagerId = null) =>
        PostAsync<SeriesEnrollmentsView>($"/api/series/{seriesId}/enrollments", new { clusterManagerId });

    public Task<ApiResult<EnrollmentView>> CancelEnrollmentAsync(Guid enrollmentId) => PostAsync<EnrollmentView>($"/api/enrollments/{enrollmentId}/cancel");

    public Task<ApiResult<EnrollmentView>> MoveEnrollmentAsync(Guid enrollmentId, Guid sessionId) =>
        PostAsync<EnrollmentView>($"/api/enrollments/{enrollmentId}/move", new { sessionId });

    public Task<ApiResult<NoBody>> RecordAttendanceAsync(Guid sessionId, IEnumerable<(Guid EnrollmentId, string Attendance)> marks) =>
        PutAsync<NoBody>($"/api/sessions/{sessionId}/attendance", marks.Select(m => new { enrollmentId = m.EnrollmentId, attendance = m.Attendance }).ToList());

    // The directory: clusters and their managers.

    public Task<ApiResult<Paged<ClusterView>>> GetClustersAsync() => GetAsync<Paged<ClusterView>>("/api/clusters" + Query.Build(("pageSize", Number(Whole))));

    public Task<ApiResult<ClusterView>> GetClusterAsync(Guid clusterId) => GetAsync<ClusterView>($"/api/clusters/{clusterId}");

    public Task<ApiResult<ClusterView>> CreateClusterAsync(ClusterRequest cluster) => PostAsync<ClusterView>("/api/clusters", cluster);

    public Task<ApiResult<ClusterView>> UpdateClusterAsync(Guid clusterId, ClusterRequest cluster) => PutAsync<ClusterView>($"/api/clusters/{clusterId}", cluster);

    public Task<ApiResult<List<ClusterChangeView>>> GetClusterHistoryAsync(Guid clusterId) => GetAsync<List<ClusterChangeView>>($"/api/clusters/{clusterId}/history");

    public Task<ApiResult<Paged<ManagerView>>> GetManagersAsync(ManagerQuery query) =>
        GetAsync<Paged<ManagerView>>("/api/cluster-managers" + Query.Build(
            ("search", query.Search), ("clusterId", query.ClusterId?.ToString()), ("active", query.ActiveOnly ? "true" : null),
            ("page", Number(query.Page)), ("pageSize", Number(query.PageSize ?? Whole))));

    public Task<ApiResult<ManagerView>> GetManagerAsync(Guid managerId) => GetAsync<ManagerView>($"/api/cluster-managers/{managerId}");

    public Task<ApiResult<ManagerView>> CreateManagerAsync(ManagerRequest manager) => PostAsync<ManagerView>("/api/cluster-managers", manager);

    public Task<ApiResult<ManagerView>> UpdateManagerAsync(Guid managerId, ManagerRequest manager) => PutAsync<ManagerView>($"/api/cluster-managers/{managerId}", manager);

    public Task<ApiResult<NoBody>> ResendInvitationAsync(Guid managerId) => PostAsync<NoBody>($"/api/cluster-managers/{managerId}/resend-invitation");

    public Task<ApiResult<ManagerView>> DeactivateManagerAsync(Guid managerId) => PostAsync<ManagerView>($"/api/cluster-managers/{managerId}/deactivate");

    public Task<ApiResult<Paged<MyEnrollment>>> GetManagerEnrollmentsAsync(Guid managerId, bool? includeCancelled = null) =>
        GetAsync<Paged<MyEnrollment>>($"/api/cluster-managers/{managerId}/enrollments" + Query.Build(
            ("includeCancelled", includeCancelled is { } include ? (include ? "true" : "false") : null), ("pageSize", Number(Whole))));

    public Task<ApiResult<List<ManagerDownloadView>>> GetManagerDownloadsAsync(Guid managerId) =>
        GetAsync<List<ManagerDownloadView>>($"/api/cluster-managers/{managerId}/downloads");

    public Task<ApiResult<List<ManagerNetworkView>>> GetManagerNetworksAsync(Guid managerId) =>
        GetAsync<List<ManagerNetworkView>>($"/api/cluster-managers/{managerId}/learning-networks");

    /// <summary>A CSV of managers: previewed (<paramref name="dryRun"/>) or imported.</summary>
    public async Task<ApiResult<ImportResultView>> ImportManagersAsync(byte[] csv, bool dryRun)
    {
        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await SendAsync<ImportResultView>(HttpMethod.Post, "/api/cluster-managers/import" + Query.Build(("dryRun", dryRun ? "true" : "false")), content);
    }

    // Personal data: the export and the erasure of a cluster manager's data in every module.

    public Task<ApiResult<PersonalDataExport>> ExportPersonalDataAsync(Guid managerId) => GetAsync<PersonalDataExport>($"/api/cluster-managers/{managerId}/personal-data");

    public Task<ApiResult<PersonalDataExport>> ExportMyPersonalDataAsync() => GetAsync<PersonalDataExport>("/api/me/personal-data");

    /// <summary>Erases the manager's personal data; <paramref name="confirm"/> is their current email address.</summary>
    public Task<ApiResult<NoBody>> ErasePersonalDataAsync(Guid managerId, string confirm) =>
        PostAsync<NoBody>($"/api/cluster-managers/{managerId}/erase", new { confirm });

    // Guidelines.

    public Task<ApiResult<Paged<GuidelineView>>> GetGuidelinesAsync(string? search = null, string? language = null) =>
        GetAsync<Paged<GuidelineView>>("/api/guidelines" + Query.Build(("search", search), ("language", language), ("pageSize", Number(Whole))));

    /// <summary>A guideline with its published versions, or (staff, <paramref name="allVersions"/>) its drafts too.</summary>
    public Task<ApiResult<GuidelineView>> GetGuidelineAsync(Guid guidelineId, bool allVersions = false) =>
        GetAsync<GuidelineView>($"/api/guidelines/{guidelineId}" + Query.Build(("allVersions", allVersions ? "true" : null)));

    public Task<ApiResult<List<DownloadEntry>>> GetGuidelineDownloadsAsync(Guid guidelineId) => GetAsync<List<DownloadEntry>>($"/api/guidelines/{guidelineId}/downloads");

    public Task<ApiResult<NoBody>> PublishGuidelineAsync(Guid guidelineId) => PostAsync<NoBody>($"/api/guidelines/{guidelineId}/publish");

    public async Task<ApiResult<GuidelineView>> UploadGuidelineAsync(FileUpload file, string title, string category, string language, string? summary)
    {
        using var content = Upload(file, ("title", title), ("category", category), ("language", language), ("summary", summary));
        return await SendAsync<GuidelineView>(HttpMethod.Post, "/api/guidelines", content);
    }

    public async Task<ApiResult<GuidelineVersionView>> UploadGuidelineVersionAsync(Guid guidelineId, FileUpload file, string? changeNote)
    {
        using var content = Upload(file, ("changeNote", changeNote));
        return await SendAsync<GuidelineVersionView>(HttpMethod.Post, $"/api/guidelines/{guidelineId}/versions", content);
    }

    // Funding calls.

    public Task<ApiResult<Paged<FundingCallView>>> GetFundingCallsAsync() => GetAsync<Paged<FundingCallView>>("/api/funding-calls" + Query.Build(("pageSize", Number(Whole))));

    public Task<ApiResult<FundingCallView>> GetFundingCallAsync(Guid callId) => GetAsync<FundingCallView>($"/api/funding-calls/{callId}");

    public Task<ApiResult<FundingCallView>> CreateFundingCallAsync(FundingCallRequest call) => PostAsync<FundingCallView>("/api/funding-calls", call);

    public Task<ApiResult<FundingCallView>> UpdateFundingCallAsync(Guid callId, FundingCallRequest call) => PutAsync<FundingCallView>($"/api/funding-calls/{callId}", call);

    public Task<ApiResult<FundingCallView>> PublishFundingCallAsync(Guid callId) => PostAsync<FundingCallView>($"/api/funding-calls/{callId}/publish");

    public Task<ApiResult<FundingCallView>> WithdrawFundingCallAsync(Guid callId) => PostAsync<FundingCallView>($"/api/funding-calls/{callId}/withdraw");

    // Learning networks.

    public Task<ApiResult<Paged<NetworkView>>> GetNetworksAsync() => GetAsync<Paged<NetworkView>>("/api/learning-networks" + Query.Build(("pageSize", Number(Whole))));

    public Task<ApiResult<NetworkView>> GetNetworkAsync(Guid networkId) => GetAsync<NetworkView>($"/api/learning-networks/{networkId}");

    public Task<ApiResult<NetworkView>> CreateNetworkAsync(NetworkRequest network) => PostAsync<NetworkView>("/api/learning-networks", network);

    public Task<ApiResult<NetworkView>> UpdateNetworkAsync(Guid networkId, NetworkRequest network) => PutAsync<NetworkView>($"/api/learning-networks/{networkId}", network);

    public Task<ApiResult<NetworkView>> JoinNetworkAsync(Guid networkId) => PostAsync<NetworkView>($"/api/learning-networks/{networkId}/join");

    public Task<ApiResult<NetworkView>> LeaveNetworkAsync(Guid networkId) => PostAsync<NetworkView>($"/api/learning-networks/{networkId}/leave");

    public Task<ApiResult<Paged<NetworkMemberView>>> GetNetworkMembersAsync(Guid networkId, string? search, int pageSize) =>
        GetAsync<Paged<NetworkMemberView>>($"/api/learning-networks/{networkId}/members" + Query.Build(("pageSize", Number(pageSize)), ("search", search)));

    public Task<ApiResult<MembersAddedView>> AddNetworkMembersAsync(Guid networkId, IReadOnlyCollection<Guid> clusterManagerIds) =>
        PostAsync<MembersAddedView>($"/api/learning-networks/{networkId}/members", new { clusterManagerIds });

    public Task<ApiResult<NoBody>> RemoveNetworkMemberAsync(Guid networkId, Guid clusterManagerId) =>
        SendAsync<NoBody>(HttpMethod.Delete, $"/api/learning-networks/{networkId}/members/{clusterManagerId}", null);

    public Task<ApiResult<AttendanceView>> GetNetworkAttendanceAsync(Guid networkId) => GetAsync<AttendanceView>($"/api/learning-networks/{networkId}/attendance");

    // Reports and the send log.

    public Task<ApiResult<Overview>> GetOverviewAsync(string? from, string? to) => GetAsync<Overview>("/api/reports/overview" + Query.Build(("from", from), ("to", to)));

    public Task<ApiResult<ParticipationView>> GetParticipationAsync(int year) =>
        GetAsync<ParticipationView>("/api/reports/participation" + Query.Build(("year", Number(year))));

    public Task<ApiResult<Paged<EmailView>>> GetEmailsAsync(EmailQuery query) =>
        GetAsync<Paged<EmailView>>("/api/notifications" + Query.Build(
            ("recipient", query.Recipient), ("kind", query.Kind), ("status", query.Status), ("sessionId", query.SessionId?.ToString()),
            ("page", Number(query.Page)), ("pageSize", Number(query.PageSize))));

    public Task<ApiResult<EmailView>> ResendEmailAsync(Guid emailId) => PostAsync<EmailView>($"/api/notifications/{emailId}/resend");

    // The requests and their answers.

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A file sent to the API as multipart, streamed rather than copied into memory.</summary>
    private static MultipartFormDataContent Upload(FileUpload file, params (string Name, string? Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        var stream = new StreamContent(file.Content);
        stream.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        // filename* (RFC 5987) carries any name, quotes and non-ASCII included, where a plain
        // filename parameter refuses them.
        stream.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = file.FileName };
        content.Add(stream);
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                content.Add(new StringContent(value), name);
            }
        }

        return content;
    }

    /// <summary>A list sent in process, as the HTTP call reads it.</summary>
    private static async Task<ApiResult<Paged<T>>> PagedAsync<T>(Task<ApiResult<PagedResult<T>>> sent)
    {
        var result = await sent;
        return new ApiResult<Paged<T>>(
            result.Status, result.Value is { } page ? new Paged<T>(page.Items, page.Total, page.TotalIsLowerBound) : null, result.Problem);
    }

    private Task<ApiResult<T>> GetAsync<T>(string path) => SendAsync<T>(HttpMethod.Get, path, null);

    private Task<ApiResult<T>> PostAsync<T>(string path, object? body = null) => SendJsonAsync<T>(HttpMethod.Post, path, body ?? new { });

    private Task<ApiResult<T>> PutAsync<T>(string path, object body) => SendJsonAsync<T>(HttpMethod.Put, path, body);

    private async Task<ApiResult<T>> SendJsonAsync<T>(HttpMethod method, string path, object body)
    {
        using var content = JsonContent.Create(body, body.GetType(), options: Json);
        return await SendAsync<T>(method, path, content);
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request);
        if (response.IsSuccessStatusCode)
        {
            var value = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0 || typeof(T) == typeof(NoBody)
                ? default
                : await response.Content.ReadFromJsonAsync<T>(Json);
            return new ApiResult<T>((int)response.StatusCode, value, null);
        }

        return new ApiResult<T>((int)response.StatusCode, default, await ReadProblemAsync(response));
    }

    private static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ApiProblem>(Json);
            if (problem is not null)
            {
                return problem with { Status = status };
            }
        }
        catch (JsonException)
        {
            // Not a problem document (e.g. an empty 401): the status alone says what happened.
        }

        return new ApiProblem { Status = status, Title = response.ReasonPhrase };
    }
}

/// <summary>A file to upload: its bytes as a stream (read once, not disposed here), its name and its media type.</summary>
public sealed record FileUpload(Stream Content, string FileName, string? ContentType);

/// <summary>Marker for calls whose answer has no body worth reading.</summary>
public sealed record NoBody;

public sealed record ApiResult<T>(int Status, T? Value, ApiProblem? Problem)
{
    public bool Ok => Problem is null;

    /// <summary>The answer, for pages that cannot go on without it; a refusal becomes the UI's error page.</summary>
    public T Result => Ok ? Value! : throw new ApiCallFailedException(Status, Problem?.Message);
}

/// <summary>A page needed an answer the API refused (e.g. 503 while the database restarts).</summary>
public sealed class ApiCallFailedException(int status, string? message) : Exception($"The API answered {status}: {message}")
{
    public int Status { get; } = status;
}

/// <summary>An RFC 9457 problem document as the API writes it.</summary>
public sealed record ApiProblem
{
    public int Status { get; init; }

    public string? Title { get; init; }

    public string? Detail { get; init; }

    public Dictionary<string, string[]>? Errors { get; init; }

    /// <summary>What to tell the person: the detail when there is one, else the title.</summary>
    public string Message => Detail ?? Title ?? $"Error {Status}";
}
