using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Host.Ui;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace LearningNetwork.Host.Pages;

/// <summary>
/// Sign-in with a cookie. It goes through the Accounts module directly rather than over loopback,
/// so the cookie lands on this response and the rate limit counts the browser's address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountRateLimits.Login)]
public sealed class LoginModel(IMediator mediator, UiText text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), text["Enter your email address."]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), text["Enter your password."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await mediator.Send(new SignInWithCookie(Email, Password), cancellationToken))
        {
            ModelState.AddModelError(string.Empty, text["The email or password is wrong, or the account is locked."]);
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
