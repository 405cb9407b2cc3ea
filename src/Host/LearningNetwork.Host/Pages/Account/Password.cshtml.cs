using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Account;

/// <summary>Anyone signed in (staff or manager) changes their own password, giving the current one.</summary>
public sealed class ChangePasswordModel(LearningNetworkApi api, UiText text, MediatR.IMediator mediator) : UiPage(api, text)
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (NewPassword != Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), T["The two passwords differ."]);
            return Page();
        }

        var result = await Api.ChangePasswordAsync(CurrentPassword ?? string.Empty, NewPassword ?? string.Empty);
        if (!result.Ok)
        {
            ShowProblem(result.Problem!, prefix: string.Empty);
            return Page();
        }

        // The change ended every session of the account, this browser's too: it gets a new cookie.
        await mediator.Send(new LearningNetwork.Accounts.Contracts.RenewCookieSignIn(), HttpContext.RequestAborted);
        return Done(T["Your password is changed."], "/");
    }
}
