using LearningNetwork.Accounts.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningNetwork.Host.Pages;

/// <summary>
/// Sign-out is a POST with the antiforgery token, so no other site can sign anyone out. After a
/// single sign-on, the Accounts module may send the browser on to the provider to end its session
/// too (it then comes back to the sign-in page from there).
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(IMediator mediator) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        return await mediator.Send(new SignOutCookie("/login"), cancellationToken)
            ? new EmptyResult()
            : Redirect("/login");
    }
}
