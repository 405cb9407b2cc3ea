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
/// so the cookie lands on this response and the rate limit counts the browser's address. With
/// single sign-on configured, the page also offers the organisation account (the browser goes to
/// the provider and comes back to <see cref="LoginOrganisationModel"/>).
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

    public SignInMethods Methods { get; private set; } = new(false, true);

    /// <summary>The provider could not be reached when the person chose it.</summary>
    public bool OrganisationUnavailable { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Methods = await mediator.Send(new GetSignInMethods(), cancellationToken);

    public async Task<IActionResult> OnPostOrganisationAsync(CancellationToken cancellationToken)
    {
        // On success the handler has written the redirect to the provider.
        if (await mediator.Send(new StartSingleSignOn(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null), cancellationToken))
        {
            return new EmptyResult();
        }

        Methods = await mediator.Send(new GetSignInMethods(), cancellationToken);
        OrganisationUnavailable = Methods.OrganisationAccount;
        return Page();
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

        Methods = await mediator.Send(new GetSignInMethods(), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        switch (await mediator.Send(new SignInWithCookie(Email, Password), cancellationToken))
        {
            case PasswordSignInOutcome.UseOrganisationAccount:
                ModelState.AddModelError(string.Empty, text["Staff sign in with their organisation account: use the button above."]);
                return Page();
            case PasswordSignInOutcome.Refused:
                ModelState.AddModelError(string.Empty, text["The email or password is wrong, or the account is locked."]);
                return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
