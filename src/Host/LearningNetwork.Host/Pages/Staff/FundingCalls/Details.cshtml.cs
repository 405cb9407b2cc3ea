using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.FundingCalls;

/// <summary>One funding call: edit it, publish it, withdraw it.</summary>
public sealed class FundingCallDetailsModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public CallForm Form { get; set; } = new();

    public FundingCallView? Call { get; private set; }

    public IReadOnlyList<GuidelineView> Guidelines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var loaded = await LoadAsync();
        if (loaded is not null)
        {
            return loaded;
        }

        Form = CallForm.From(Call!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await Api.UpdateFundingCallAsync(Id, Form.ToRequest());
        if (result.Ok)
        {
            return Done(T["The call is saved."], Here);
        }

        ShowProblem(result.Problem!);
        return await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        var result = await Api.PublishFundingCallAsync(Id);
        return result.Ok ? Done(T["The call is published: eligible managers see it, and its deadline reminders are planned."], Here) : Refused(result.Problem!, Here);
    }

    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        var result = await Api.WithdrawFundingCallAsync(Id);
        return result.Ok ? Done(T["The call is withdrawn: managers no longer see it and no reminder goes out."], Here) : Refused(result.Problem!, Here);
    }

    private string Here => $"/staff/funding-calls/{Id}";

    private async Task<IActionResult?> LoadAsync()
    {
        var call = await Api.GetFundingCallAsync(Id);
        if (!call.Ok)
        {
            return NotFoundOr(call.Problem!);
        }

        Call = call.Result;
        Guidelines = (await Api.GetGuidelinesAsync()).Value?.Items ?? [];
        return null;
    }
}
