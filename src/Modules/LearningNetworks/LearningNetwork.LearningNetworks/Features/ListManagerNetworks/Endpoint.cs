using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.LearningNetworks.Features.ListManagerNetworks;

internal static class ListManagerNetworksEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cluster-managers/{id:guid}/learning-networks", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListManagerNetworks(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ClusterManagerLearningNetworks").WithSummary("The learning networks one manager belongs to")
            .Produces<IReadOnlyList<ManagerNetwork>>().ProducesProblem(StatusCodes.Status404NotFound);
}
