using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Sessions.Features.RescheduleSession;

internal static class RescheduleSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sessions/{id:guid}/reschedule", async (Guid id, RescheduleSession request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request with { Id = id }, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("RescheduleSession")
            .WithSummary("Move a session to new times; enrolled people are told at once")
            .Produces<SessionView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
