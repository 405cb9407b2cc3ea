using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>Moves a session to a new time; the API tells everyone enrolled.</summary>
public sealed class RescheduleSessionModel(LearningNetworkApi api, UiText text) : SessionPageModel(api, text)
{
    [BindProperty]
    public string? NewStart { get; set; }

    [BindProperty]
    public string? NewEnd { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadSessionAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await Api.RescheduleSessionAsync(Id, NewStart ?? string.Empty, NewEnd ?? string.Empty);
        if (result.Ok)
        {
            return Done(T["The session is moved; enrolled people are told at once."], Summary);
        }

        // The API names the fields start and end; on this form they are NewStart and NewEnd.
        ShowProblem(result.Problem! with { Errors = result.Problem!.Errors?.ToDictionary(e => "new" + e.Key, e => e.Value) }, string.Empty);
        return await LoadSessionAsync() ?? Page();
    }
}
