using LearningNetwork.Enrollments.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.CancelEnrollment;

internal static class CancelEnrollmentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/enrollments/{id:guid}/cancel", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelEnrollment(id), ct)))
            .RequireAuthorization()
            .WithName("CancelEnrollment")
            .WithSummary("Cancel an enrollment (the enrollee before the start, staff any time); the waitlist moves up")
            .Produces<EnrollmentResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
