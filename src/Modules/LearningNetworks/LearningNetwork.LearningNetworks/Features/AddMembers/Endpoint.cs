using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.LearningNetworks.Features.AddMembers;

internal static class AddMembersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/learning-networks/{id:guid}/members", async (Guid id, AddMembers request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request with { NetworkId = id }, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("AddLearningNetworkMembers")
            .WithSummary("Add cluster managers to a network (at most 2,000 at once); they are enrolled in its upcoming meetings and welcomed")
            .Produces<AddMembersResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
