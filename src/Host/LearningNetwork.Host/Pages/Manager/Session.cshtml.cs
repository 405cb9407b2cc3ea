using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Host.Ui;
using LearningNetwork.Sessions.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Manager;

/// <summary>
/// One session as a cluster manager reads it: in their language, where (place or online link),
/// its learning network and materials, their own enrollment with enroll or cancel, and for a
/// past session their certificate. The confirmation email's cancel link leads here.
/// </summary>
public sealed class SessionModel(LearningNetworkApi api, UiText text, TimeProvider clock) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public SessionView? Session { get; private set; }

    /// <summary>The manager's enrollment in it (the live one if any, else the last cancelled one).</summary>
    public MyEnrollment? Mine { get; private set; }

    public NetworkView? Network { get; private set; }

    public CertificateView? Certificate { get; private set; }

    public bool Upcoming => Session is not null && Session.StartsAt > clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync()
    {
        var session = await Api.GetSessionAsync(Id);
        if (!session.Ok)
        {
            return NotFoundOr(session.Problem!);
        }

        Session = session.Result;
        var mine = Api.GetMyEnrollmentsAsync(includeCancelled: true);
        var certificates = Api.GetMyCertificatesAsync();
        var network = Session.LearningNetworkId is { } networkId ? Api.GetNetworkAsync(networkId) : null;
        var enrollments = ((await mine).Value?.Items ?? []).Where(e => e.SessionId == Id).ToList();
        Mine = enrollments.FirstOrDefault(e => e.Status != EnrollmentStatus.Cancelled) ?? enrollments.LastOrDefault();
        Certificate = ((await certificates).Value ?? []).FirstOrDefault(c => c.SessionId == Id);
        // A members-only network the manager is not in is not shown (the API answers 404).
        Network = network is null ? null : (await network).Value;
        return Page();
    }

    public async Task<IActionResult> OnPostEnrollAsync()
    {
        var result = await Api.EnrollAsync(Id);
        if (!result.Ok)
        {
            return Refused(result.Problem!, $"/sessions/{Id}");
        }

        return Done(
            result.Result.Status == EnrollmentStatus.Confirmed
                ? T["You are enrolled. The confirmation is on its way by email."]
                : T.Format("The session is full: you are on the waitlist, position {0}. You will be told when a seat frees.", result.Result.WaitlistPosition ?? 0),
            $"/sessions/{Id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid enrollmentId)
    {
        var result = await Api.CancelEnrollmentAsync(enrollmentId);
        return result.Ok ? Done(T["Your enrollment is cancelled."], $"/sessions/{Id}") : Refused(result.Problem!, $"/sessions/{Id}");
    }
}
