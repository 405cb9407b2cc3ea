using LearningNetwork.GuidelineDocuments.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.GuidelineDocuments.Features.GetGuideline;

internal static class GetGuidelineEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/guidelines/{id:guid}", async (Guid id, bool? allVersions, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetGuideline(id, allVersions ?? false), ct)))
            .RequireAuthorization()
            .WithName("GetGuideline").WithSummary("One guideline; allVersions=true lists older published versions too")
            .Produces<GuidelineResponse>().ProducesProblem(StatusCodes.Status404NotFound);
}
