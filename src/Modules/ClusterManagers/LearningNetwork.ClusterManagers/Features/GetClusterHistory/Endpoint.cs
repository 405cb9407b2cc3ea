using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.GetClusterHistory;

internal static class GetClusterHistoryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/clusters/{id:guid}/history", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetClusterHistory(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ClusterHistory")
            .WithSummary("Every change of a cluster's type, funding dates and post-funding plan: when, by whom, old and new value")
            .Produces<IReadOnlyList<ClusterChangeResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
