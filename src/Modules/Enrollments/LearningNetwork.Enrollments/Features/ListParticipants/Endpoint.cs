using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.ListParticipants;

internal static class ListParticipantsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/sessions/{id:guid}/enrollments", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListParticipants(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ListParticipants")
            .WithSummary("The session's enrollments with names and clusters")
            .Produces<IReadOnlyList<ParticipantResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
