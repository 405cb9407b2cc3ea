using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningNetwork.Host.Pages;

/// <summary>
/// What a person sees for a page that does not exist or failed (see <see cref="UiErrorPages"/>):
/// in plain words, in the layout, with a way back. Any method reaches it, since a failed post is
/// re-executed as a post.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(UiText text, ILogger<ErrorModel> logger) : PageModel
{
    public string Heading { get; private set; } = string.Empty;

    public string Advice { get; private set; } = string.Empty;

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error;
        if (failure is not null)
        {
            // The database restarting reaches a page as the API's 503: a moment's wait, not a bug.
            code = failure is ApiCallFailedException { Status: 503 } ? 503 : 500;
            logger.Log(code == 503 ? LogLevel.Warning : LogLevel.Error, failure, "Page {Path} failed", HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path);
        }

        // Only error codes: "/error/200" is not a way to show a success page.
        code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = code;
        (Heading, Advice) = code switch
        {
            404 => (text["Page not found"], text["This page does not exist or was moved. Check the address, or start again from your start page."]),
            403 => (text["Not allowed"], text["Your account may not open this page."]),
            503 => (text["The service is briefly unavailable"], text["Try again in a minute."]),
            >= 500 => (text["Something went wrong"], text["Try again; if it keeps happening, tell the agency's helpdesk."]),
            _ => (text["This request could not be handled"], text["Go back and try again."]),
        };
        if (code == 503)
        {
            Response.Headers.RetryAfter = "60";
        }
    }
}
