using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.ResendInvitation;

internal static class ResendInvitationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cluster-managers/{id:guid}/resend-invitation", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ResendInvitation(id), ct);
                return TypedResults.Accepted((string?)null);
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("ResendInvitation").WithSummary("A new invitation link; the old one stops working")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
