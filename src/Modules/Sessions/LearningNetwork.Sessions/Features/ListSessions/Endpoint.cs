using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.Sessions.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Sessions.Features.ListSessions;

internal static class ListSessionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/sessions", async (string? from, string? to, string? kind, string? status, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListSessions(from, to, kind, status, page, pageSize), ct)))
            .RequireAuthorization()
            .WithName("ListSessions")
            .WithSummary("Sessions in start order, filtered and paged")
            .Produces<PagedResult<SessionResponse>>()
            .ProducesValidationProblem();
}
