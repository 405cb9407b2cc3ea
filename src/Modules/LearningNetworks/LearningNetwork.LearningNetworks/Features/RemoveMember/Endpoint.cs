using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.LearningNetworks.Features.RemoveMember;

internal static class RemoveMemberEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/learning-networks/{id:guid}/members/{clusterManagerId:guid}", async (Guid id, Guid clusterManagerId, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RemoveMember(id, clusterManagerId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("RemoveLearningNetworkMember")
            .WithSummary("Take a manager out of a network; their upcoming enrollments in its meetings are cancelled")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
