using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages;

/// <summary>The form behind the thank-you email's link: the token in the link says who and which session.</summary>
[AllowAnonymous]
public sealed class FeedbackModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public int? Rating { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public bool Thanked { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Rating is null)
        {
            ModelState.AddModelError(nameof(Rating), T["Choose a rating from 1 to 5."]);
            return Page();
        }

        var result = await Api.SendFeedbackAsync(Token ?? string.Empty, Rating, string.IsNullOrWhiteSpace(Comment) ? null : Comment);
        if (!result.Ok)
        {
            ShowProblem(result.Problem!, prefix: string.Empty);
            return Page();
        }

        Thanked = true;
        return Page();
    }
}
