using System.Net;
using Microsoft.AspNetCore.Diagnostics;

namespace LearningNetwork.Host.Ui;

/// <summary>
/// A page that fails shows a page, not a JSON document: what happened in plain words and a way
/// back. API paths keep their problem details (the handler before this one, or the default 500).
/// </summary>
internal sealed class UiErrorHandler(ILogger<UiErrorHandler> logger, UiText text) : IExceptionHandler
{
    private static readonly string[] ApiPrefixes = ["/api", "/calendar", "/health", "/hangfire", "/openapi", "/scalar"];

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (ApiPrefixes.Any(prefix => httpContext.Request.Path.StartsWithSegments(prefix)) || httpContext.Response.HasStarted)
        {
            return false;
        }

        var unavailable = exception is ApiCallFailedException { Status: 503 };
        logger.Log(unavailable ? LogLevel.Warning : LogLevel.Error, exception, "Page {Path} failed", httpContext.Request.Path);
        httpContext.Response.StatusCode = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        var title = WebUtility.HtmlEncode(unavailable ? text["The service is briefly unavailable"] : text["Something went wrong"]);
        var advice = WebUtility.HtmlEncode(unavailable ? text["Try again in a minute."] : text["Try again; if it keeps happening, tell the agency's helpdesk."]);
        await httpContext.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="{UiCulture.Language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} – LearningNetwork</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main id="main"><h1>{title}</h1><p>{advice}</p><p><a href="/">{WebUtility.HtmlEncode(text["Back to your start page"])}</a></p></main></body></html>
            """, cancellationToken);
        return true;
    }
}
