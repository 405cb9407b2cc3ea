using System.Globalization;
using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>A session's participants: attendance, enrolling a manager, and a message to them.</summary>
public sealed class SessionParticipantsModel(Api api, UiText text) : SessionPageModel(api, text)
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

    private string Here => $"{Summary}/participants";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAttendanceAsync(List<AttendanceMark> marks)
    {
        var result = await Api.PutAsync($"/api/sessions/{Id}/attendance", marks.Select(m => new { enrollmentId = m.EnrollmentId, attendance = m.Attendance }).ToList());
        return result.Ok ? Done(T["Attendance is saved."], Here) : Refused(result.Problem!, Here);
    }

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
        return await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (await LoadSessionAsync() is { } missing)
        {
            return missing;
        }

        var participants = Api.GetAsync<List<Participant>>($"/api/sessions/{Id}/enrollments");
        var managers = Api.GetAsync<Paged<ManagerView>>(string.Create(CultureInfo.InvariantCulture, $"/api/cluster-managers?active=true&pageSize={ManagerChoices}")
            + (string.IsNullOrWhiteSpace(ManagerSearch) ? "" : "&search=" + Uri.EscapeDataString(ManagerSearch.Trim())));
        Participants = (await participants).Value ?? [];
        var found = (await managers).Value;
        Managers = found?.Items ?? [];
        ManagersFound = found?.Total ?? 0;
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
