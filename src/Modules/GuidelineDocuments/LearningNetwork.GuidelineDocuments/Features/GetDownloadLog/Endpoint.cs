using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.GuidelineDocuments.Features.GetDownloadLog;

internal static class GetDownloadLogEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/guidelines/{id:guid}/downloads", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetDownloadLog(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("GuidelineDownloadLog").WithSummary("Who downloaded which version when")
            .Produces<IReadOnlyList<DownloadLogEntry>>().ProducesProblem(StatusCodes.Status404NotFound);
}
