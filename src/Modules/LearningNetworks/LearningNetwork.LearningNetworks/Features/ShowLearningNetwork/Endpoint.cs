using LearningNetwork.LearningNetworks.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.LearningNetworks.Features.ShowLearningNetwork;

internal static class ShowLearningNetworkEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/learning-networks/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ShowLearningNetwork(id), ct)))
            .RequireAuthorization()
            .WithName("GetLearningNetwork")
            .WithSummary("One learning network with its meetings (a members-only network: its members and staff only)")
            .Produces<NetworkResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
