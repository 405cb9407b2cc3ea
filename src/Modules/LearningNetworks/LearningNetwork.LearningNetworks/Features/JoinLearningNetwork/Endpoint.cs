using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.LearningNetworks.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.LearningNetworks.Features.JoinLearningNetwork;

internal static class JoinLearningNetworkEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/learning-networks/{id:guid}/join", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new JoinLearningNetwork(id), ct)))
            .RequireAuthorization(Policies.ClusterManager)
            .WithName("JoinLearningNetwork")
            .WithSummary("Join an open learning network (a members-only one: 403)")
            .Produces<NetworkResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
