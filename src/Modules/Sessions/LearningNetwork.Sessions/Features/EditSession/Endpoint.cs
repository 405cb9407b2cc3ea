using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Sessions.Features.EditSession;

internal static class EditSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/sessions/{id:guid}", async (Guid id, EditSession request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request with { Id = id }, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("EditSession")
            .WithSummary("Change a session's details (not its times: see reschedule)")
            .Produces<SessionView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
