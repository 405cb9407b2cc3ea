using System.Net.Http.Headers;
using LearningNetwork.BuildingBlocks.Security;

namespace LearningNetwork.Host.Ui;

/// <summary>
/// What makes a page's API call the signed-in person's: the browser's cookies (the API checks the
/// sign-in exactly as for any client), whose request it is for per-address limits
/// (<see cref="LoopbackCallerSecret"/>), and the page's language for the API's messages when the
/// person has neither chosen nor prefers one. The call stops when the browser goes away. The
/// routes are the typed client's (LearningNetworkApi); this handler only carries the page's
/// request over to them.
/// </summary>
public sealed class UiApiCallHandler(IHttpContextAccessor accessor, LoopbackCallerSecret callerSecret, SelfAddress self) : DelegatingHandler
{
    /// <summary>
    /// The client's base address until a call is sent: where this host listens is known only once
    /// it serves (and pages that call nothing must not need it), so each call is aimed there on its way out.
    /// </summary>
    public static readonly Uri Unresolved = new("http://ui-api.invalid/");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("The UI calls the API only while serving a request.");
        request.RequestUri = new Uri(self.BaseAddress, request.RequestUri!.PathAndQuery);
        if (context.Request.Headers.Cookie.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", context.Request.Headers.Cookie.ToString());
        }

        request.Headers.TryAddWithoutValidation(LoopbackCallerSecret.SecretHeader, callerSecret.Value);
        request.Headers.TryAddWithoutValidation(LoopbackCallerSecret.AddressHeader, ClientAddress.Of(context));
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(UiCulture.Language));
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.RequestAborted);
        return await base.SendAsync(request, aborted.Token);
    }
}
