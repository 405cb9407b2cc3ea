using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.FundingCalls;

/// <summary>Funding calls, soonest deadline first, and a form to add one (a draft until published).</summary>
public sealed class FundingCallsModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty]
    public CallForm Form { get; set; } = new();

    public IReadOnlyList<FundingCallView> Calls { get; private set; } = [];

    public IReadOnlyList<GuidelineView> Guidelines { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await Api.CreateFundingCallAsync(Form.ToRequest());
        if (result.Ok)
        {
            return Done(T["The call is saved as a draft. Publish it when it is ready."], $"/staff/funding-calls/{result.Result.Id}");
        }

        ShowProblem(result.Problem!);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Calls = (await Api.GetFundingCallsAsync()).Value?.Items ?? [];
        Guidelines = (await Api.GetGuidelinesAsync()).Value?.Items ?? [];
    }
}
