using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages;

[AllowAnonymous]
public sealed class ForgotPasswordModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty]
    public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Api.RequestPasswordResetAsync(Email ?? string.Empty);
        if (!result.Ok)
        {
            ShowProblem(result.Problem!, prefix: string.Empty);
            return Page();
        }

        // The same answer whether or not the address has an account: nobody learns who is registered.
        return Done(T["If the address belongs to an account, the link is on its way."], "/login");
    }
}
