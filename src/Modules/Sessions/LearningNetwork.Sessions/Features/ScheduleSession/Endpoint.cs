using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Sessions.Features.ScheduleSession;

internal static class ScheduleSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sessions", async (ScheduleSession request, IMediator mediator, CancellationToken ct) =>
            {
                var session = await mediator.Send(request, ct);
                return TypedResults.Created($"/api/sessions/{session.Id}", session);
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("ScheduleSession")
            .WithSummary("Schedule a session (a draft until published)")
            .Produces<SessionView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
}
