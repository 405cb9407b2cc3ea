using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.GuidelineDocuments.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.GuidelineDocuments.Features.ListGuidelines;

internal static class ListGuidelinesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/guidelines", async (string? search, string? category, string? language, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListGuidelines(search, category, language, page, pageSize), ct)))
            .RequireAuthorization()
            .WithName("ListGuidelines").WithSummary("Guidelines (managers: published), searchable by words in title and summary")
            .Produces<PagedResult<GuidelineResponse>>().ProducesValidationProblem();
}
