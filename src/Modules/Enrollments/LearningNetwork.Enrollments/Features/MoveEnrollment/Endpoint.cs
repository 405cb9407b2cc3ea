using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.MoveEnrollment;

internal static class MoveEnrollmentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/enrollments/{id:guid}/move", async (Guid id, MoveEnrollment request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request with { EnrollmentId = id }, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("MoveEnrollment")
            .WithSummary("Move a participant to another session in one transaction; the seat freed goes to the waitlist")
            .Produces<EnrollmentResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
