using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages;

/// <summary>Activation and password reset: a one-time token from an email and a new password.</summary>
public abstract class SetPasswordPage(Api api, UiText text, string endpoint) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    protected abstract string DoneMessage { get; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Password != Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), T["The two passwords differ."]);
            return Page();
        }

        var result = await Api.PostAsync(endpoint, new { token = Token ?? string.Empty, password = Password ?? string.Empty });
        if (!result.Ok)
        {
            ShowProblem(result.Problem!, prefix: string.Empty);
            return Page();
        }

        return Done(DoneMessage, "/login");
    }
}
