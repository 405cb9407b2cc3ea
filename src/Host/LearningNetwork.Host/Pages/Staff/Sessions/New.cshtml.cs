using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>A new session starts as a draft only staff see; publishing opens it.</summary>
public sealed class NewSessionModel(Api api, UiText text) : UiPage(api, text)
{
    [BindProperty]
    public SessionForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear(); // the API is the judge of the values; binding only shapes them
        if (Form.ToCreateRequest(ModelState) is not { } request)
        {
            return Page();
        }

        var result = await Api.PostAsync<SessionView>("/api/sessions", request);
        if (!result.Ok)
        {
            ShowProblem(result.Problem!);
            return Page();
        }

        return Done(T["The session is saved as a draft. Publish it to open enrollment."], $"/staff/sessions/{result.Result.Id}");
    }
}
