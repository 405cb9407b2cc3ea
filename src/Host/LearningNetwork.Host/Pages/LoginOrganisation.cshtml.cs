using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Host.Ui;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace LearningNetwork.Host.Pages;

/// <summary>
/// Where the browser lands after the organisation's provider answered (through the handler's
/// callback): the Accounts module signs the person in, or the page says plainly why not.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountRateLimits.Login)]
public sealed class LoginOrganisationModel(IMediator mediator, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string Message { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new CompleteSingleSignOn(), cancellationToken);
        if (result.Outcome == SingleSignOnOutcome.SignedIn)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        Message = result.Outcome switch
        {
            SingleSignOnOutcome.EmailNotVerified => text["Your organisation account did not confirm your email address, so it cannot sign you in here. Ask your IT department to check the email address of your account."],
            SingleSignOnOutcome.NoAccount => text.Format("There is no staff account for {0}. Ask an Admin of LearningNetwork to invite you.", result.Email!),
            SingleSignOnOutcome.NotStaff => text.Format("{0} is a cluster manager's account. Cluster managers sign in with their email and password.", result.Email!),
            SingleSignOnOutcome.Deactivated => text.Format("The staff account for {0} is deactivated. Ask an Admin if you need access again.", result.Email!),
            _ => text["The sign-in with your organisation account did not complete. Try again."],
        };
        if (result.Outcome != SingleSignOnOutcome.NotCompleted)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }
}
