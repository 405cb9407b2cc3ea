using LearningNetwork.Enrollments.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.Enroll;

internal static class EnrollEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sessions/{id:guid}/enrollments", async (Guid id, Enroll? request, IMediator mediator, CancellationToken ct) =>
            {
                var enrollment = await mediator.Send((request ?? new Enroll()) with { SessionId = id }, ct);
                return TypedResults.Created($"/api/enrollments/{enrollment.Id}", enrollment);
            })
            .RequireAuthorization()
            .WithName("Enroll")
            .WithSummary("Enroll in a session (a manager: themselves; staff: the named manager); a full session waitlists")
            .Produces<EnrollmentResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
