using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.LearningNetworks.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.LearningNetworks.Features.ListLearningNetworks;

internal static class ListLearningNetworksEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/learning-networks", async (int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListLearningNetworks(page, pageSize), ct)))
            .RequireAuthorization()
            .WithName("ListLearningNetworks")
            .WithSummary("Learning networks by name (a manager: the open ones and their own, each with isMember)")
            .Produces<PagedResult<NetworkResponse>>()
            .ProducesValidationProblem();
}
