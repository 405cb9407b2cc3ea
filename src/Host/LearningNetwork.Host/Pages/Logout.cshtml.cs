using LearningNetwork.Accounts.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningNetwork.Host.Pages;

/// <summary>Sign-out is a POST with the antiforgery token, so no other site can sign anyone out.</summary>
[AllowAnonymous]
public sealed class LogoutModel(IMediator mediator) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SignOutCookie(), cancellationToken);
        return Redirect("/login");
    }
}
