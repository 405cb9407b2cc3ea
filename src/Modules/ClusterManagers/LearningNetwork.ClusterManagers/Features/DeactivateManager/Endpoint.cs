using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.DeactivateManager;

internal static class DeactivateManagerEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cluster-managers/{id:guid}/deactivate", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DeactivateManager(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("DeactivateClusterManager").WithSummary("The manager can no longer sign in; future enrollments end, emails stop")
            .Produces<ManagerResponse>().ProducesProblem(StatusCodes.Status404NotFound);
}
