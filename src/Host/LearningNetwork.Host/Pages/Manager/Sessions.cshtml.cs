using System.Globalization;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Host.Ui;
using LearningNetwork.Sessions.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Manager;

/// <summary>A cluster manager's view of what is coming: seats, waitlist and their own place, with enroll and cancel.</summary>
public sealed class SessionsModel(LearningNetworkApi api, UiText text, TimeProvider clock) : UiPage(api, text)
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    /// <summary>The caller's open enrollment per session.</summary>
    public IReadOnlyDictionary<Guid, MyEnrollment> Mine { get; private set; } = new Dictionary<Guid, MyEnrollment>();

    /// <summary>The learning networks the manager may see (open ones and their own), by id.</summary>
    public IReadOnlyDictionary<Guid, NetworkView> Networks { get; private set; } = new Dictionary<Guid, NetworkView>();

    /// <param name="acted">
    /// The session the manager just enrolled in or left: its seat figures come from the session's
    /// own answer, which is never behind, rather than from the list's copy, which may be for a moment.
    /// </param>
    public async Task OnGetAsync(Guid? acted)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sessions = await Api.GetSessionsAsync(new SessionQuery(From: today));
        var mine = await Api.GetMyEnrollmentsAsync();
        var networks = await Api.GetNetworksAsync();
        Networks = (networks.Value?.Items ?? []).ToDictionary(n => n.Id);
        // Meetings of a members-only network the manager is not in are not theirs to enroll in.
        Sessions = sessions.Result.Items.Where(s => s.StartsAt > now && (s.LearningNetworkId is not { } network || Networks.ContainsKey(network))).ToList();
        Mine = mine.Result.Items.Where(e => e.Status != EnrollmentStatus.Cancelled).GroupBy(e => e.SessionId).ToDictionary(g => g.Key, g => g.First());
        if (acted is { } id && Sessions.Any(s => s.Id == id) && (await Api.GetSessionAsync(id)).Value is { } fresh)
        {
            Sessions = Sessions.Select(s => s.Id == id ? fresh : s).ToList();
        }
    }

    public async Task<IActionResult> OnPostEnrollAsync(Guid sessionId)
    {
        var result = await Api.EnrollAsync(sessionId);
        if (!result.Ok)
        {
            return Refused(result.Problem!, "/sessions");
        }

        return Done(
            result.Result.Status == EnrollmentStatus.Confirmed
                ? T["You are enrolled. The confirmation is on its way by email."]
                : T.Format("The session is full: you are on the waitlist, position {0}. You will be told when a seat frees.", result.Result.WaitlistPosition ?? 0),
            $"/sessions?acted={sessionId}");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid enrollmentId, Guid? sessionId, string? returnTo)
    {
        var to = returnTo == "my" ? "/my-sessions" : sessionId is { } acted ? $"/sessions?acted={acted}" : "/sessions";
        var result = await Api.CancelEnrollmentAsync(enrollmentId);
        return result.Ok ? Done(T["Your enrollment is cancelled."], to) : Refused(result.Problem!, to);
    }
}
