using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Notifications.Features.ListNotifications;

internal static class ListNotificationsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/notifications", async (Guid? sessionId, string? recipient, string? kind, string? status, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListNotifications(sessionId, recipient, kind, status, page, pageSize), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ListNotifications")
            .WithSummary("The send log: every email and its state")
            .Produces<PagedResult<NotificationResponse>>()
            .ProducesValidationProblem();
}
