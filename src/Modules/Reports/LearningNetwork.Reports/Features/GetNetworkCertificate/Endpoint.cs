using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Reports.Features.GetNetworkCertificate;

internal static class GetNetworkCertificateEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/learning-networks/{id:guid}/members/{clusterManagerId:guid}/certificate.pdf", async (Guid id, Guid clusterManagerId, IMediator mediator, CancellationToken ct) =>
            {
                var (fileName, content) = await mediator.Send(new GetNetworkCertificate(id, clusterManagerId), ct);
                return TypedResults.File(content, "application/pdf", fileName);
            })
            .RequireAuthorization()
            .WithName("LearningNetworkCertificate")
            .WithSummary("A certificate over a learning network's cycle (PDF): every meeting the manager attended and the total hours; for that manager or staff")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
