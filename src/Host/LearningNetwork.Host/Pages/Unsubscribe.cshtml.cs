using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages;

/// <summary>
/// Where an announcement's unsubscribe link lands in a browser: it asks before it acts, because
/// link checkers and previews open links too (RFC 8058 keeps the one-click action to a POST).
/// </summary>
[AllowAnonymous]
public sealed class UnsubscribeModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Stopped { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Api.UnsubscribeAsync(Token ?? string.Empty);
        if (!result.Ok)
        {
            ShowProblem(result.Problem!, prefix: string.Empty);
            return Page();
        }

        Stopped = true;
        return Page();
    }
}
