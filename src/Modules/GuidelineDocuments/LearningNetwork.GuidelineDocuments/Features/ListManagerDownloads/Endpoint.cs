using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.GuidelineDocuments.Features.ListManagerDownloads;

internal static class ListManagerDownloadsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cluster-managers/{id:guid}/downloads", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListManagerDownloads(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ClusterManagerDownloads").WithSummary("Which guidelines one manager downloaded, newest first (the last 200)")
            .Produces<IReadOnlyList<ManagerDownload>>().ProducesProblem(StatusCodes.Status404NotFound);
}
