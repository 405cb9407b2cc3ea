using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.SaveCluster;

/// <summary>Creating and replacing a cluster are one request with the same rules; the route decides which.</summary>
internal static class SaveClusterEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/clusters", async (SaveCluster request, IMediator mediator, CancellationToken ct) =>
            {
                var cluster = await mediator.Send(request with { Id = null }, ct);
                return TypedResults.Created($"/api/clusters/{cluster.Id}", cluster);
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("CreateCluster").WithSummary("Add a cluster to the directory")
            .Produces<ClusterResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/clusters/{id:guid}", async (Guid id, SaveCluster request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request with { Id = id }, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("UpdateCluster").WithSummary("Replace a cluster's details")
            .Produces<ClusterResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
