using System.Globalization;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Host.Ui;
using LearningNetwork.Sessions.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>A session's participants: attendance, removing or moving someone, enrolling a manager not enrolled yet, and a message to them.</summary>
public sealed class SessionParticipantsModel(LearningNetworkApi api, UiText text, TimeProvider clock) : SessionPageModel(api, text)
{
    public const int ManagerChoices = 50;

    [BindProperty]
    public MessageForm Message { get; set; } = new();

    public IReadOnlyList<Participant> Participants { get; private set; } = [];

    /// <summary>Narrows the managers offered for enrollment (name, email or cluster, as the API's search).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ManagerSearch { get; set; }

    /// <summary>The managers offered for enrollment: at most <see cref="ManagerChoices"/> of them, see <see cref="ManagersFound"/>.</summary>
    public IReadOnlyList<ManagerView> Managers { get; private set; } = [];

    /// <summary>How many active managers match; more than are offered when the agency has many.</summary>
    public int ManagersFound { get; private set; }

    /// <summary>The sessions a participant can be moved to: published ones still to come, this one left out.</summary>
    public IReadOnlyList<SessionView> Destinations { get; private set; } = [];

    private string Here => $"{Summary}/participants";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAttendanceAsync(List<AttendanceMark> marks)
    {
        var result = await Api.RecordAttendanceAsync(Id, marks.Select(m => (m.EnrollmentId, m.Attendance)));
        return result.Ok ? Done(T["Attendance is saved."], Here) : Refused(result.Problem!, Here);
    }

    public async Task<IActionResult> OnPostEnrollAsync(Guid clusterManagerId)
    {
        var result = await Api.EnrollAsync(Id, clusterManagerId);
        return result.Ok
            ? Done(result.Result.Status == EnrollmentStatus.Confirmed ? T["Enrolled."] : T.Format("The session is full: on the waitlist, position {0}.", result.Result.WaitlistPosition ?? 0), Here + "#participants")
            : Refused(result.Problem!, Here);
    }

    /// <summary>Staff take someone off the list: their enrollment is cancelled, as they could do themselves, and the waitlist moves up.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid enrollmentId)
    {
        var result = await Api.CancelEnrollmentAsync(enrollmentId);
        return result.Ok ? Done(T["The participant is removed; the waitlist moves up."], Here + "#participants") : Refused(result.Problem!, Here);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid enrollmentId, Guid sessionId)
    {
        var result = await Api.MoveEnrollmentAsync(enrollmentId, sessionId);
        if (!result.Ok)
        {
            var problem = result.Problem!;
            return Refused(problem.Errors is { Count: > 0 } errors ? problem with { Detail = string.Join(" ", errors.Values.SelectMany(m => m)) } : problem, Here + "#move");
        }

        return Done(result.Result.Status == EnrollmentStatus.Confirmed
            ? T["Moved: the participant has a seat in the other session."]
            : T.Format("Moved: the other session is full, so the participant is on its waitlist, position {0}.", result.Result.WaitlistPosition ?? 0), Here + "#participants");
    }

    public async Task<IActionResult> OnPostMessageAsync()
    {
        ModelState.Clear();
        var result = await Api.MessageParticipantsAsync(Id, Message.Subject ?? string.Empty, Message.Body ?? string.Empty, Message.To);
        if (result.Ok)
        {
            return Done(T.Plural(result.Result.Recipients, "The message is on its way to {0} person.", "The message is on its way to {0} people."), Here + "#message");
        }

        ShowProblem(result.Problem!, nameof(Message));
        return await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (await LoadSessionAsync() is { } missing)
        {
            return missing;
        }

        var destinations = Api.GetSessionsAsync(new SessionQuery(From: clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Status: nameof(SessionState.Published)));
        Participants = (await Api.GetParticipantsAsync(Id)).Value ?? [];

        // Only people not enrolled yet are offered: ask for as many more as are enrolled, so that
        // leaving them out still fills the list.
        var enrolled = Participants.Where(p => p.Status != EnrollmentStatus.Cancelled).Select(p => p.ClusterManagerId).ToHashSet();
        var pageSize = Math.Min(200, ManagerChoices + enrolled.Count);
        var found = (await Api.GetManagersAsync(new ManagerQuery(Search: ManagerSearch, ActiveOnly: true, PageSize: pageSize))).Value;
        var items = found?.Items ?? [];
        Managers = items.Where(m => !enrolled.Contains(m.Id)).Take(ManagerChoices).ToList();
        ManagersFound = Math.Max(Managers.Count, (found?.Total ?? 0) - items.Count(m => enrolled.Contains(m.Id)));
        var now = clock.GetUtcNow().UtcDateTime;
        Destinations = ((await destinations).Value?.Items ?? []).Where(d => d.Id != Id && d.StartsAt > now).ToList();
        return null;
    }

    public sealed record AttendanceMark(Guid EnrollmentId, string Attendance);

    /// <summary>A message to the session's participants: whom, a subject and plain text.</summary>
    public sealed class MessageForm
    {
        public string To { get; set; } = "Confirmed";

        public string? Subject { get; set; }

        public string? Body { get; set; }
    }
}
