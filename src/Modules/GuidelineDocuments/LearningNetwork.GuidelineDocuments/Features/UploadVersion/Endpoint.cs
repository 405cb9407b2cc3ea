using System.Globalization;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.GuidelineDocuments.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.GuidelineDocuments.Features.UploadVersion;

internal static class UploadVersionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/guidelines/{id:guid}/versions", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var form = await UploadForm.ReadAsync(request, ct);
                var version = await mediator.Send(new UploadVersion(id, form["changeNote"], UploadForm.File(form)), ct);
                return TypedResults.Created(string.Create(CultureInfo.InvariantCulture, $"/api/guidelines/{id}/versions/{version.Number}"), version);
            })
            .RequireAuthorization(Policies.Staff).DisableAntiforgery()
            .WithName("UploadGuidelineVersion").WithSummary("Upload a new version (multipart: file, changeNote); a draft until published")
            .Produces<VersionResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
