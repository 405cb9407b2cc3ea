using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.ListManagers;

internal static class ListManagersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cluster-managers", async (string? search, Guid? clusterId, bool? active, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListManagers(search, clusterId, active, page, pageSize), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ListClusterManagers").WithSummary("Search managers by name, email or cluster; paged")
            .Produces<PagedResult<ManagerResponse>>().ProducesValidationProblem();
}
