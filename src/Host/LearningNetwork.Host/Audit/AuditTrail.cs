using System.Globalization;
using System.Security.Claims;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.BuildingBlocks.Http;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;

namespace LearningNetwork.Host.Audit;

/// <summary>
/// Records in the audit log every state-changing API request of staff (Admins included) and every
/// export, whoever asks: the endpoint's name, the entity its route (or a 201's Location) names,
/// the caller's account id and address, and the answer's status. It never records a body, a
/// name or an email. The entry is written as the response starts, when the status is known
/// (also for refusals: authorization's 403 and the problem details of the exception handler),
/// and before the caller can read the answer.
/// </summary>
internal static class AuditTrail
{
    public static IApplicationBuilder UseAuditTrail(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api") && context.GetEndpoint() is RouteEndpoint endpoint && ShouldRecord(context, endpoint) is { } action)
        {
            var actorId = Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
            var address = ClientAddress.Of(context);
            var pattern = endpoint.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
            var entityId = context.Request.RouteValues.TryGetValue("id", out var value) && Guid.TryParse(value?.ToString(), out var routeId) ? routeId : (Guid?)null;
            context.Response.OnStarting(() => RecordAsync(context, actorId, action, pattern, entityId, address));
        }

        await next(context);
    });

    private static string? ShouldRecord(HttpContext context, RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<RecordedAsExportMetadata>() is not null && context.User.Identity?.IsAuthenticated == true)
        {
            return AuditActions.Export;
        }

        var changes = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
        return changes && context.User.IsInRole(Roles.Staff)
            ? endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? $"{context.Request.Method} {endpoint.RoutePattern.RawText}"
            : null;
    }

    private static async Task RecordAsync(HttpContext context, Guid? actorId, string action, string pattern, Guid? entityId, string address)
    {
        var status = context.Response.StatusCode;
        // A 201 names what it created in its Location.
        if (entityId is null && context.Response.Headers.Location.ToString() is { Length: > 0 } location
            && Guid.TryParse(location.TrimEnd('/').Split('/')[^1], out var created))
        {
            entityId = created;
        }

        var entityType = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault();
        var summary = string.Create(CultureInfo.InvariantCulture, $"{context.Request.Method} {pattern} -> {status}");
        try
        {
            // Its own scope: the endpoint may still be using its services (a streamed export).
            await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new RecordAuditEntry(actorId, action, entityType, entityId, summary, address), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is made; the answer must still reach the caller. Operators see the gap in the log.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditTrail))
                .LogError(e, "Could not record {Action} by {ActorId} in the audit log", action, actorId);
        }
    }
}
