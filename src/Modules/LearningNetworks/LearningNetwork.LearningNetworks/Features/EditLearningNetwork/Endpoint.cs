using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.LearningNetworks.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.LearningNetworks.Features.EditLearningNetwork;

internal static class EditLearningNetworkEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/learning-networks/{id:guid}", async (Guid id, EditLearningNetwork request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request with { Id = id }, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("EditLearningNetwork")
            .WithSummary("Change a learning network's name, theme, description, membership or facilitator")
            .Produces<NetworkResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
