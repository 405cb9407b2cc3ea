using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.GetManager;

internal static class GetManagerEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cluster-managers/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetManager(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("GetClusterManager").WithSummary("One manager")
            .Produces<ManagerResponse>().ProducesProblem(StatusCodes.Status404NotFound);
}
