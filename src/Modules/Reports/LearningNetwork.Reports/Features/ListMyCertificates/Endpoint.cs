using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Reports.Features.ListMyCertificates;

internal static class ListMyCertificatesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me/certificates", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListMyCertificates(), ct)))
            .RequireAuthorization(Policies.ClusterManager)
            .WithName("MyCertificates")
            .WithSummary("The caller's certificates of attendance: one per session they were marked Attended at, newest first")
            .Produces<IReadOnlyList<CertificateResponse>>();
}
