using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>A session's details (all but its times, which move with a reschedule) and its materials.</summary>
public sealed class EditSessionModel(LearningNetworkApi api, UiText text) : SessionPageModel(api, text)
{
    [BindProperty]
    public SessionForm Form { get; set; } = new();

    public IReadOnlyList<GuidelineView> Guidelines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }

        Form = SessionForm.From(Session!);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync()
    {
        ModelState.Clear();
        if (Form.ToUpdateRequest(ModelState) is { } request)
        {
            var result = await Api.UpdateSessionAsync(Id, request);
            if (result.Ok)
            {
                return Done(T["The changes are saved."], Summary);
            }

            ShowProblem(result.Problem!);
        }

        return await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostMaterialsAsync(List<Guid> guidelineIds)
    {
        var result = await Api.SetMaterialsAsync(Id, guidelineIds);
        return result.Ok ? Done(T["The materials are saved."], Summary) : Refused(result.Problem!, $"{Summary}/edit#materials");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var guidelines = Api.GetGuidelinesAsync();
        if (await LoadSessionAsync() is { } missing)
        {
            return missing;
        }

        Guidelines = ((await guidelines).Value?.Items ?? []).Where(g => g.Status == "Published").ToList();
        return null;
    }
}
