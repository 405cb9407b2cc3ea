using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>Cancels a session for everyone, with a reason the API sends them.</summary>
public sealed class CancelSessionModel(LearningNetworkApi api, UiText text) : SessionPageModel(api, text)
{
    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadSessionAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await Api.CancelSessionAsync(Id, Reason ?? string.Empty);
        if (result.Ok)
        {
            return Done(T["The session is cancelled; enrolled people are told."], Summary);
        }

        ShowProblem(result.Problem!, string.Empty);
        return await LoadSessionAsync() ?? Page();
    }
}
