using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.EnrollInSeries;

internal static class EnrollInSeriesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/series/{id:guid}/enrollments", async (Guid id, EnrollInSeries? request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/series/{id}", await mediator.Send((request ?? new EnrollInSeries()) with { SeriesId = id }, ct)))
            .RequireAuthorization()
            .WithName("EnrollInSeries")
            .WithSummary("Enroll in every open session of a series at once")
            .Produces<SeriesEnrollmentResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
