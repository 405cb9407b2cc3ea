using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.UnsubscribeFromAnnouncements;

internal static class UnsubscribeFromAnnouncementsEndpoint
{
    /// <summary>
    /// Mail clients POST here with the form body List-Unsubscribe=One-Click and no cookie; the
    /// body is not read, so any body (or none) does. The token alone decides.
    /// </summary>
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/unsubscribe", async (string? token, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UnsubscribeFromAnnouncements(token), ct)))
            .AllowAnonymous()
            .WithName("UnsubscribeFromAnnouncements")
            .WithSummary("One-click unsubscribe from announcements of new sessions (the token from the email's List-Unsubscribe link)")
            .Produces<UnsubscribedResponse>()
            .ProducesValidationProblem();
}
