using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>
/// The sheet people sign at the door: the confirmed participants by name, their cluster and room
/// to sign, printed from the browser (the print style leaves out the menus).
/// </summary>
public sealed class AttendanceSheetModel(LearningNetworkApi api, UiText text) : SessionPageModel(api, text)
{
    /// <summary>Empty rows at the end for walk-ins.</summary>
    public const int BlankRows = 3;

    public IReadOnlyList<Participant> Attendees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadSessionAsync() is { } missing)
        {
            return missing;
        }

        Attendees = ((await Api.GetParticipantsAsync(Id)).Value ?? [])
            .Where(p => p.Status == EnrollmentStatus.Confirmed)
            .OrderBy(p => p.FullName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return Page();
    }
}
