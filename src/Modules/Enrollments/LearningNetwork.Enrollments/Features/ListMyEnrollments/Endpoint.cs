using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.ListMyEnrollments;

internal static class ListMyEnrollmentsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me/enrollments", async (bool? includeCancelled, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListMyEnrollments(includeCancelled, page, pageSize), ct)))
            .RequireAuthorization(Policies.ClusterManager)
            .WithName("MyEnrollments")
            .WithSummary("The caller's enrollments with their sessions")
            .Produces<PagedResult<MyEnrollmentResponse>>();
}
