using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.LearningNetworks.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.LearningNetworks.Features.CreateLearningNetwork;

internal static class CreateLearningNetworkEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/learning-networks", async (CreateLearningNetwork request, IMediator mediator, CancellationToken ct) =>
            {
                var network = await mediator.Send(request, ct);
                return TypedResults.Created($"/api/learning-networks/{network.Id}", network);
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("CreateLearningNetwork")
            .WithSummary("Start a learning network (Open: managers join themselves; MembersOnly: staff add them)")
            .Produces<NetworkResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
}
