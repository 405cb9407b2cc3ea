using LearningNetwork.Host.Ui;
using LearningNetwork.Sessions.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>
/// A session as staff read it first: when, where, seats, network, materials and status, with
/// publishing and announcing; editing, rescheduling, cancelling and the participants are pages of their own.
/// </summary>
public sealed class SessionDetailsModel(LearningNetworkApi api, UiText text, TimeProvider clock) : SessionPageModel(api, text)
{
    [BindProperty]
    public AnnounceForm Announce { get; set; } = new();

    /// <summary>After "Count recipients": how many managers the announcement would reach now.</summary>
    public int? AnnounceCount { get; private set; }

    /// <summary>Whether the session may be announced: published and not started.</summary>
    public bool Announceable => Session is { Status: SessionState.Published } s && s.StartsAt > clock.GetUtcNow().UtcDateTime;

    /// <summary>The clusters to choose an audience from (by name).</summary>
    public IReadOnlyList<ClusterView> Clusters { get; private set; } = [];

    /// <summary>The learning networks to choose an audience from.</summary>
    public IReadOnlyList<NetworkView> Networks { get; private set; } = [];

    /// <summary>The learning network this is a meeting of, if any.</summary>
    public NetworkView? Network { get; private set; }

    public FeedbackSummaryView? Feedback { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostPublishAsync() => Outcome(await Api.PublishSessionAsync(Id), T["The session is published: cluster managers can enroll."]);

    public async Task<IActionResult> OnPostPublishSeriesAsync()
    {
        var session = await Api.GetSessionAsync(Id);
        if (!session.Ok || session.Result.SeriesId is not { } seriesId)
        {
            return Refused(session.Problem ?? new ApiProblem { Status = 409, Title = T["This session is not part of a series."] }, Summary);
        }

        return Outcome(await Api.PublishSeriesAsync(seriesId), T["Every session of the series is published."]);
    }

    public Task<IActionResult> OnPostAnnouncePreviewAsync() => AnnounceAsync(dryRun: true);

    public Task<IActionResult> OnPostAnnounceAsync() => AnnounceAsync(dryRun: false);

    private async Task<IActionResult> AnnounceAsync(bool dryRun)
    {
        ModelState.Clear();
        var result = await Api.AnnounceSessionAsync(Id, Announce.ToRequest(), dryRun);
        if (result.Ok && !dryRun)
        {
            return Done(T.Plural(result.Result.Recipients, "The announcement is on its way to {0} cluster manager.", "The announcement is on its way to {0} cluster managers."), Summary + "#announce");
        }

        if (!result.Ok)
        {
            // The choices are offered from lists, so a refusal is about the session (started,
            // cancelled) or a choice gone meanwhile: said at the top, with the API's words.
            var problem = result.Problem!;
            return Refused(problem.Errors is { Count: > 0 } errors ? problem with { Detail = string.Join(" ", errors.Values.SelectMany(m => m)) } : problem, Summary + "#announce");
        }

        AnnounceCount = result.Result.Recipients;
        return await LoadAsync() ?? Page();
    }

    private RedirectResult Outcome<T>(ApiResult<T> result, string message) => result.Ok ? Done(message, Summary) : Refused(result.Problem!, Summary);

    private async Task<IActionResult?> LoadAsync()
    {
        if (await LoadSessionAsync() is { } missing)
        {
            return missing;
        }

        var feedback = Api.GetFeedbackSummaryAsync(Id);
        var network = Session!.LearningNetworkId is { } networkId ? Api.GetNetworkAsync(networkId) : null;
        var announceable = Announceable;
        var clusters = announceable ? Api.GetClustersAsync() : null;
        var networks = announceable ? Api.GetNetworksAsync() : null;
        Feedback = (await feedback).Value;
        Network = network is null ? null : (await network).Value;
        Clusters = clusters is null ? [] : (await clusters).Value?.Items ?? [];
        Networks = networks is null ? [] : (await networks).Value?.Items ?? [];
        return null;
    }

    /// <summary>Whom to announce the session to (every criterion given must hold) and a note.</summary>
    public sealed class AnnounceForm
    {
        public List<string> ClusterTypes { get; set; } = [];

        public List<Guid> ClusterIds { get; set; } = [];

        public string? FundingStatus { get; set; }

        public Guid? LearningNetworkId { get; set; }

        public string? Note { get; set; }

        public AnnouncementRequest ToRequest() => new(
            new AudienceRequest(ClusterTypes, ClusterIds, string.IsNullOrEmpty(FundingStatus) ? null : FundingStatus, LearningNetworkId),
            string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());
    }
}
