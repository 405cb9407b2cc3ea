using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.GuidelineDocuments.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.GuidelineDocuments.Features.PublishGuideline;

internal static class PublishGuidelineEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/guidelines/{id:guid}/publish", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new PublishGuideline(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("PublishGuideline").WithSummary("Publish the latest version; earlier downloaders are emailed")
            .Produces<GuidelineResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
