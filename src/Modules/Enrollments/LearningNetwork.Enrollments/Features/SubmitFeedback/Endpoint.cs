using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.SubmitFeedback;

internal static class SubmitFeedbackEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/feedback", async (SubmitFeedback request, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(request, ct);
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .WithName("SubmitFeedback")
            .WithSummary("Rate a session (1-5) with the token from the follow-up email; once per enrollment")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
