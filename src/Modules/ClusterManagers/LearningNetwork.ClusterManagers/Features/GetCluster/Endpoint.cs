using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.GetCluster;

internal static class GetClusterEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/clusters/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetCluster(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("GetCluster").WithSummary("One cluster")
            .Produces<ClusterResponse>().ProducesProblem(StatusCodes.Status404NotFound);
}
