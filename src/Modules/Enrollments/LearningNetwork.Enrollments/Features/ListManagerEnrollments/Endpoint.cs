using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.ListManagerEnrollments;

internal static class ListManagerEnrollmentsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cluster-managers/{id:guid}/enrollments", async (Guid id, bool? includeCancelled, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListManagerEnrollments(id, includeCancelled, page, pageSize), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ClusterManagerEnrollments")
            .WithSummary("One manager's enrollments with their sessions, past and upcoming, soonest first")
            .Produces<PagedResult<MyEnrollmentResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
}
