using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Manager;

/// <summary>One funding call as a manager reads it: what, until when, where to apply, and the guidelines to download.</summary>
public sealed class FundingCallModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public FundingCallView? Call { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var call = await Api.GetFundingCallAsync(Id);
        if (!call.Ok)
        {
            return NotFoundOr(call.Problem!);
        }

        Call = call.Result;
        return Page();
    }
}
