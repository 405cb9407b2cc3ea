using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Http;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Sessions.Features.ListSessions;

internal static class ListSessionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/sessions", async (string? from, string? to, string? kind, string? status, string? search, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Contracts.ListSessions(from, to, kind, status, page, pageSize) { Search = search }, ct)))
            .RequireAuthorizationOf<Contracts.ListSessions>()
            .WithName("ListSessions")
            .WithSummary("Sessions in start order, filtered (search: words of the title, any case) and paged")
            .Produces<PagedResult<SessionView>>()
            .ProducesValidationProblem();
}
