using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.GetFeedbackSummary;

internal static class GetFeedbackSummaryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/sessions/{id:guid}/feedback", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetFeedbackSummary(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("SessionFeedback")
            .WithSummary("What participants thought of a session")
            .Produces<FeedbackSummary>();
}
