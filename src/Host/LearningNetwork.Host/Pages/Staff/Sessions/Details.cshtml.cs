using System.Globalization;
using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>Everything staff do with one session: publish, edit, reschedule, cancel, participants and attendance, materials, feedback.</summary>
public sealed class SessionDetailsModel(Api api, UiText text, TimeProvider clock) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public SessionForm Form { get; set; } = new();

    [BindProperty]
    public string? NewStart { get; set; }

    [BindProperty]
    public string? NewEnd { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public MessageForm Message { get; set; } = new();

    [BindProperty]
    public AnnounceForm Announce { get; set; } = new();

    /// <summary>After "Count recipients": how many managers the announcement would reach now.</summary>
    public int? AnnounceCount { get; private set; }

    /// <summary>Whether the session may be announced: published and not started.</summary>
    public bool Announceable => Session is { Status: "Published" } s && s.StartsAt > clock.GetUtcNow().UtcDateTime;

    /// <summary>The clusters to choose an audience from (by name).</summary>
    public IReadOnlyList<ClusterView> Clusters { get; private set; } = [];

    /// <summary>The learning networks to choose an audience from.</summary>
    public IReadOnlyList<NetworkView> Networks { get; private set; } = [];

    public SessionView? Session { get; private set; }

    /// <summary>The learning network this is a meeting of, if any.</summary>
    public NetworkView? Network { get; private set; }

    public IReadOnlyList<Participant> Participants { get; private set; } = [];

    public FeedbackSummaryView? Feedback { get; private set; }

    /// <summary>Narrows the managers offered for enrollment (name, email or cluster, as the API's search).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ManagerSearch { get; set; }

    /// <summary>The managers offered for enrollment: at most <see cref="ManagerChoices"/> of them, see <see cref="ManagersFound"/>.</summary>
    public IReadOnlyList<ManagerView> Managers { get; private set; } = [];

    /// <summary>How many active managers match; more than are offered when the agency has many.</summary>
    public int ManagersFound { get; private set; }

    public const int ManagerChoices = 50;

    public IReadOnlyList<GuidelineView> Guidelines { get; private set; } = [];

    private string Here => $"/staff/sessions/{Id}";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }

        Form = SessionForm.From(Session!);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync() => Outcome(await Api.PostAsync($"/api/sessions/{Id}/publish"), T["The session is published: cluster managers can enroll."]);

    public async Task<IActionResult> OnPostPublishSeriesAsync()
    {
        var session = await Api.GetAsync<SessionView>($"/api/sessions/{Id}");
        if (!session.Ok || session.Result.SeriesId is not { } seriesId)
        {
            return Refused(session.Problem ?? new ApiProblem { Status = 409, Title = T["This session is not part of a series."] }, Here);
        }

        return Outcome(await Api.PostAsync($"/api/series/{seriesId}/publish"), T["Every session of the series is published."]);
    }

    public async Task<IActionResult> OnPostEditAsync()
    {
        ModelState.Clear();
        if (Form.ToUpdateRequest(ModelState) is { } request)
        {
            var result = await Api.PutAsync($"/api/sessions/{Id}", request);
            if (result.Ok)
            {
                return Done(T["The changes are saved."], Here);
            }

            ShowProblem(result.Problem!);
        }

        return await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostRescheduleAsync()
    {
        ModelState.Clear();
        var result = await Api.PostAsync($"/api/sessions/{Id}/reschedule", new { start = NewStart ?? string.Empty, end = NewEnd ?? string.Empty });
        if (result.Ok)
        {
            return Done(T["The session is moved; enrolled people are told at once."], Here);
        }

        // The API names the fields start and end; on this form they are NewStart and NewEnd.
        ShowProblem(result.Problem! with { Errors = result.Problem!.Errors?.ToDictionary(e => "new" + e.Key, e => e.Value) }, string.Empty);
        await LoadAsync();
        Form = SessionForm.From(Session!);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync()
    {
        ModelState.Clear();
        var result = await Api.PostAsync($"/api/sessions/{Id}/cancel", new { reason = Reason ?? string.Empty });
        if (result.Ok)
        {
            return Done(T["The session is cancelled; enrolled people are told."], Here);
        }

        ShowProblem(result.Problem!, string.Empty);
        await LoadAsync();
        Form = SessionForm.From(Session!);
        return Page();
    }

    public async Task<IActionResult> OnPostAttendanceAsync(List<AttendanceMark> marks) =>
        Outcome(await Api.PutAsync($"/api/sessions/{Id}/attendance", marks.Select(m => new { enrollmentId = m.EnrollmentId, attendance = m.Attendance }).ToList()), T["Attendance is saved."]);

    public async Task<IActionResult> OnPostEnrollAsync(Guid clusterManagerId)
    {
        var result = await Api.PostAsync<EnrollmentView>($"/api/sessions/{Id}/enrollments", new { clusterManagerId });
        return result.Ok
            ? Done(result.Result.Status == "Confirmed" ? T["Enrolled."] : T.Format("The session is full: on the waitlist, position {0}.", result.Result.WaitlistPosition ?? 0), Here + "#participants")
            : Refused(result.Problem!, Here);
    }

    public async Task<IActionResult> OnPostMessageAsync()
    {
        ModelState.Clear();
        var result = await Api.PostAsync<MessageQueuedView>($"/api/sessions/{Id}/messages", new { subject = Message.Subject ?? string.Empty, body = Message.Body ?? string.Empty, to = Message.To });
        if (result.Ok)
        {
            return Done(T.Plural(result.Result.Recipients, "The message is on its way to {0} person.", "The message is on its way to {0} people."), Here + "#message");
        }

        ShowProblem(result.Problem!, nameof(Message));
        await LoadAsync();
        Form = SessionForm.From(Session!);
        return Page();
    }

    public Task<IActionResult> OnPostAnnouncePreviewAsync() => AnnounceAsync(dryRun: true);

    public Task<IActionResult> OnPostAnnounceAsync() => AnnounceAsync(dryRun: false);

    private async Task<IActionResult> AnnounceAsync(bool dryRun)
    {
        ModelState.Clear();
        var result = await Api.PostAsync<AnnouncementView>($"/api/sessions/{Id}/announce" + (dryRun ? "?dryRun=true" : string.Empty), Announce.ToRequest());
        if (result.Ok && !dryRun)
        {
            return Done(T.Plural(result.Result.Recipients, "The announcement is on its way to {0} cluster manager.", "The announcement is on its way to {0} cluster managers."), Here + "#announce");
        }

        if (!result.Ok)
        {
            // The choices are offered from lists, so a refusal is about the session (started,
            // cancelled) or a choice gone meanwhile: said at the top, with the API's words.
            var problem = result.Problem!;
            return Refused(problem.Errors is { Count: > 0 } errors ? problem with { Detail = string.Join(" ", errors.Values.SelectMany(m => m)) } : problem, Here + "#announce");
        }

        AnnounceCount = result.Result.Recipients;
        await LoadAsync();
        Form = SessionForm.From(Session!);
        return Page();
    }

    public async Task<IActionResult> OnPostMaterialsAsync(List<Guid> guidelineIds) =>
        Outcome(await Api.PutAsync($"/api/sessions/{Id}/materials", new { guidelineIds }), T["The materials are saved."]);

    private RedirectResult Outcome(ApiResult<System.Text.Json.JsonElement> result, string message) => result.Ok ? Done(message, Here) : Refused(result.Problem!, Here);

    private async Task<IActionResult?> LoadAsync()
    {
        var session = await Api.GetAsync<SessionView>($"/api/sessions/{Id}");
        if (!session.Ok)
        {
            return NotFoundOr(session.Problem!);
        }

        Session = session.Result;
        var participants = Api.GetAsync<List<Participant>>($"/api/sessions/{Id}/enrollments");
        var feedback = Api.GetAsync<FeedbackSummaryView>($"/api/sessions/{Id}/feedback");
        var managers = Api.GetAsync<Paged<ManagerView>>(string.Create(CultureInfo.InvariantCulture, $"/api/cluster-managers?active=true&pageSize={ManagerChoices}")
            + (string.IsNullOrWhiteSpace(ManagerSearch) ? "" : "&search=" + Uri.EscapeDataString(ManagerSearch.Trim())));
        var guidelines = Api.GetAsync<Paged<GuidelineView>>("/api/guidelines?pageSize=200");
        var network = Session.LearningNetworkId is { } networkId ? Api.GetAsync<NetworkView>($"/api/learning-networks/{networkId}") : null;
        var announceable = Announceable;
        var clusters = announceable ? Api.GetAsync<Paged<ClusterView>>("/api/clusters?pageSize=200") : null;
        var networks = announceable ? Api.GetAsync<Paged<NetworkView>>("/api/learning-networks?pageSize=200") : null;
        Participants = (await participants).Value ?? [];
        Feedback = (await feedback).Value;
        var found = (await managers).Value;
        Managers = found?.Items ?? [];
        ManagersFound = found?.Total ?? 0;
        Guidelines = ((await guidelines).Value?.Items ?? []).Where(g => g.Status == "Published").ToList();
        Network = network is null ? null : (await network).Value;
        Clusters = clusters is null ? [] : (await clusters).Value?.Items ?? [];
        Networks = networks is null ? [] : (await networks).Value?.Items ?? [];
        return null;
    }

    public sealed record AttendanceMark(Guid EnrollmentId, string Attendance);

    /// <summary>Whom to announce the session to (every criterion given must hold) and a note.</summary>
    public sealed class AnnounceForm
    {
        public List<string> ClusterTypes { get; set; } = [];

        public List<Guid> ClusterIds { get; set; } = [];

        public string? FundingStatus { get; set; }

        public Guid? LearningNetworkId { get; set; }

        public string? Note { get; set; }

        public object ToRequest() => new
        {
            audience = new
            {
                clusterTypes = ClusterTypes,
                clusterIds = ClusterIds,
                fundingStatus = string.IsNullOrEmpty(FundingStatus) ? null : FundingStatus,
                learningNetworkId = LearningNetworkId,
            },
            note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
        };
    }

    /// <summary>A message to the session's participants: whom, a subject and plain text.</summary>
    public sealed class MessageForm
    {
        public string To { get; set; } = "Confirmed";

        public string? Subject { get; set; }

        public string? Body { get; set; }
    }
}
