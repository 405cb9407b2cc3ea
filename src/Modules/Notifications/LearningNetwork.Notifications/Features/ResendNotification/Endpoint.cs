using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Notifications.Features.ListNotifications;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Notifications.Features.ResendNotification;

internal static class ResendNotificationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/notifications/{id:guid}/resend", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ResendNotification(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ResendNotification")
            .WithSummary("Sends a failed email again (due at once, fresh attempts, same Message-ID)")
            .Produces<NotificationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
