using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Sessions.Features.PublishSession;

internal static class PublishSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sessions/{id:guid}/publish", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PublishSession(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("PublishSession")
            .WithSummary("Publish a draft session")
            .Produces<SessionView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
