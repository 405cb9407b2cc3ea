using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Sessions.Features.PreviewSeries;

internal static class PreviewSeriesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/series/preview", async (PreviewSeries request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("PreviewSeries")
            .WithSummary("The dates a series would get (in its zone), computed as planning it would; stores nothing")
            .Produces<SeriesPreviewResponse>()
            .ProducesValidationProblem();
}
