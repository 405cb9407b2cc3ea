using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Notifications.Features.MessageParticipants;

internal static class MessageParticipantsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sessions/{id:guid}/messages", async (Guid id, MessageParticipants request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(request with { SessionId = id }, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("MessageParticipants")
            .WithSummary("Email a session's confirmed or waitlisted participants, or both")
            .Produces<MessageQueued>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
