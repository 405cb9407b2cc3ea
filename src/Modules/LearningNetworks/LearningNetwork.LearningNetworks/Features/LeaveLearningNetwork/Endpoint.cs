using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.LearningNetworks.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.LearningNetworks.Features.LeaveLearningNetwork;

internal static class LeaveLearningNetworkEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/learning-networks/{id:guid}/leave", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new LeaveLearningNetwork(id), ct)))
            .RequireAuthorization(Policies.ClusterManager)
            .WithName("LeaveLearningNetwork")
            .WithSummary("Leave a learning network; upcoming enrollments in its meetings are cancelled")
            .Produces<NetworkResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
