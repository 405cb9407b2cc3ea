using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Sessions.Features.GetSession;

internal static class GetSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/sessions/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetSession(id), ct)))
            .RequireAuthorization()
            .WithName("GetSession")
            .WithSummary("One session (cluster managers: published or cancelled only)")
            .Produces<SessionView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
