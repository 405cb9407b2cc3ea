using LearningNetwork.BuildingBlocks.Http;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.LearningNetworks.Features.NetworkAttendanceCsv;

internal static class NetworkAttendanceCsvEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/learning-networks/{id:guid}/attendance.csv", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var (fileName, content) = await mediator.Send(new NetworkAttendanceCsv(id), ct);
                return TypedResults.File(content, "text/csv; charset=utf-8", fileName);
            })
            .RequireAuthorization(Policies.Staff)
            .RecordedAsExport()
            .WithName("LearningNetworkAttendanceCsv")
            .WithSummary("The attendance matrix as CSV for Belgian spreadsheets (semicolons, UTF-8 with BOM)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
