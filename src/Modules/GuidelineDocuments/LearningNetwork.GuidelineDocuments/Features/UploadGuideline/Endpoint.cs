using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.GuidelineDocuments.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.GuidelineDocuments.Features.UploadGuideline;

internal static class UploadGuidelineEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/guidelines", async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var form = await UploadForm.ReadAsync(request, ct);
                var created = await mediator.Send(new UploadGuideline(form["title"], form["category"], form["language"], form["summary"], UploadForm.File(form)), ct);
                return TypedResults.Created($"/api/guidelines/{created.Id}", created);
            })
            .RequireAuthorization(Policies.Staff).DisableAntiforgery()
            .WithName("UploadGuideline").WithSummary("Upload a guideline (multipart: file, title, category, language, summary); a draft")
            .Produces<GuidelineResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
