using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LearningNetwork.Accounts.Features.StartSingleSignOn;

/// <summary>
/// The handler's challenge: a redirect to the provider's authorization endpoint with a PKCE
/// challenge, a nonce and a protected state. Reading the provider's discovery document may fail
/// (the provider is down or unreachable); the person is then told so, rather than shown an error.
/// </summary>
internal sealed class StartSingleSignOnHandler(SingleSignOnSettings settings, IHttpContextAccessor http, ILogger<StartSingleSignOnHandler> logger)
    : IRequestHandler<Contracts.StartSingleSignOn, bool>
{
    public async Task<bool> Handle(Contracts.StartSingleSignOn request, CancellationToken cancellationToken)
    {
        if (!settings.Enabled || http.HttpContext is not { } context)
        {
            return false;
        }

        var completion = IsLocal(request.ReturnUrl)
            ? $"{SingleSignOnPaths.Completion}?returnUrl={Uri.EscapeDataString(request.ReturnUrl!)}"
            : SingleSignOnPaths.Completion;
        try
        {
            await context.ChallengeAsync(SingleSignOnSettings.Scheme, new AuthenticationProperties { RedirectUri = completion });
            return true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            logger.LogWarning(exception, "The single sign-on provider could not be reached.");
            context.Response.Headers.Location = default;
            context.Response.StatusCode = StatusCodes.Status200OK;
            return false;
        }
    }

    /// <summary>A path on this host (not "//elsewhere" or "/\elsewhere", which browsers read as other hosts).</summary>
    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
