using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.ListClusters;

internal static class ListClustersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/clusters", async (string? search, string? type, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListClusters(search, type, page, pageSize), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ListClusters").WithSummary("Clusters by name, searchable and paged")
            .Produces<PagedResult<ClusterResponse>>().ProducesValidationProblem();
}
