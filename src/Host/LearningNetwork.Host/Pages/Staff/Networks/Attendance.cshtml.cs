using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Networks;

/// <summary>Who came over the whole cycle: members × meetings, with each member's attendance rate, and the CSV.</summary>
public sealed class NetworkAttendanceModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public AttendanceView? Matrix { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var matrix = await Api.GetNetworkAttendanceAsync(Id);
        if (!matrix.Ok)
        {
            return NotFoundOr(matrix.Problem!);
        }

        Matrix = matrix.Result;
        return Page();
    }
}
