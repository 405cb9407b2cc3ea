using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.Clusters;

internal static class ClusterEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var clusters = api.MapGroup("/clusters").RequireAuthorization(Policies.Staff);
        clusters.MapPost("", async (SaveCluster request, IMediator mediator, CancellationToken ct) =>
            {
                var cluster = await mediator.Send(request with { Id = null }, ct);
                return TypedResults.Created($"/api/clusters/{cluster.Id}", cluster);
            })
            .WithName("CreateCluster").WithSummary("Add a cluster to the directory")
            .Produces<ClusterResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        clusters.MapGet("", async (string? search, string? type, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListClusters(search, type, page, pageSize), ct)))
            .WithName("ListClusters").WithSummary("Clusters by name, searchable and paged")
            .Produces<PagedResult<ClusterResponse>>().ProducesValidationProblem();
        clusters.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetCluster(id), ct)))
            .WithName("GetCluster").WithSummary("One cluster")
            .Produces<ClusterResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        clusters.MapPut("/{id:guid}", async (Guid id, SaveCluster request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request with { Id = id }, ct)))
            .WithName("UpdateCluster").WithSummary("Replace a cluster's details")
            .Produces<ClusterResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
