using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Host.Ui;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages;

/// <summary>Activation and password reset: a one-time token from an email and a new password.</summary>
public abstract class SetPasswordPage(LearningNetworkApi api, UiText text, IMediator mediator) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    /// <summary>The API call that sets the password with the emailed link's token.</summary>
    protected abstract Task<ApiResult<NoBody>> SetPasswordAsync(string token, string password);

    /// <summary>Said on the sign-in page when signing in at once did not work out.</summary>
    protected abstract string DoneMessage { get; }

    /// <summary>Said on the start page when the person is signed in straight away.</summary>
    protected abstract string SignedInMessage { get; }

    /// <summary>The link was refused: the page offers the way to sign in (an already used link most likely means the account is set up).</summary>
    public bool LinkRefused => ModelState.TryGetValue(nameof(Token), out var entry) && entry.Errors.Count > 0;

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

        var result = await SetPasswordAsync(Token ?? string.Empty, Password ?? string.Empty);
        if (!result.Ok)
        {
            ShowProblem(result.Problem!, prefix: string.Empty);
            return Page();
        }

        // Sign-in goes to the Accounts module directly (decision 0006), so the cookie lands on this
        // response: the person does not type the password they just chose a second time.
        if (await mediator.Send(new SignInWithUsedLink(Token, Password), HttpContext.RequestAborted) is not { } language)
        {
            return Done(DoneMessage, "/login");
        }

        // The next page speaks the signed-in person's language (unless they chose one): so does its welcome.
        UiCulture.UseSignedIn(HttpContext, language);
        return Done(SignedInMessage, "/");
    }
}
