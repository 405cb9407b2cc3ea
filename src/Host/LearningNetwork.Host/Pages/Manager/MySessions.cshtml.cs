using LearningNetwork.Host.Ui;
using LearningNetwork.Sessions.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Manager;

/// <summary>The manager's own enrollments and their personal calendar feed.</summary>
public sealed class MySessionsModel(LearningNetworkApi api, UiText text, TimeProvider clock) : UiPage(api, text)
{
    public IReadOnlyList<MyEnrollment> Enrollments { get; private set; } = [];

    /// <summary>Sessions still ahead, soonest first.</summary>
    public IReadOnlyList<MyEnrollment> Upcoming { get; private set; } = [];

    /// <summary>Sessions that took place, latest first.</summary>
    public IReadOnlyList<MyEnrollment> Past { get; private set; } = [];

    /// <summary>The latest past sessions in full (their materials), by id; older ones are a link to their page.</summary>
    public IReadOnlyDictionary<Guid, SessionView> PastSessions { get; private set; } = new Dictionary<Guid, SessionView>();

    /// <summary>How many past sessions show their materials on this page.</summary>
    public const int PastWithMaterials = 10;

    public CalendarFeed? Feed { get; private set; }

    /// <summary>Now, from the host's clock: upcoming enrollments can still be cancelled.</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>One certificate of attendance per session the manager was marked Attended at.</summary>
    public IReadOnlyList<CertificateView> Certificates { get; private set; } = [];

    public CertificateView? CertificateOf(Guid sessionId) => Certificates.FirstOrDefault(c => c.SessionId == sessionId);

    /// <summary>webcal:// makes calendar apps offer to subscribe instead of downloading once.</summary>
    public string WebcalUrl => Feed is null ? string.Empty : "webcal://" + Feed.Url[(Feed.Url.IndexOf("://", StringComparison.Ordinal) + 3)..];

    public async Task OnGetAsync()
    {
        var feed = Api.GetCalendarFeedAsync();
        var certificates = Api.GetMyCertificatesAsync();
        Enrollments = (await Api.GetMyEnrollmentsAsync()).Result.Items;
        Upcoming = Enrollments.Where(e => e.Session.StartsAt > Now).ToList();
        Past = Enrollments.Where(e => e.Session.StartsAt <= Now).Reverse().ToList();
        var past = await Task.WhenAll(Past.Take(PastWithMaterials).Select(e => Api.GetSessionAsync(e.SessionId)));
        PastSessions = past.Where(p => p.Ok).Select(p => p.Result).DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        Feed = (await feed).Value;
        Certificates = (await certificates).Value ?? [];
    }

    public async Task<IActionResult> OnPostRotateAsync()
    {
        var result = await Api.RenewCalendarFeedAsync();
        return result.Ok ? Done(T["A new feed address is made; the old one no longer works."], "/my-sessions") : Refused(result.Problem!, "/my-sessions");
    }
}
