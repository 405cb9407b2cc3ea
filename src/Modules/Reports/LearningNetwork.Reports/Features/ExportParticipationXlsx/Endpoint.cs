using LearningNetwork.BuildingBlocks.Http;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Reports.Features.ExportParticipationXlsx;

internal static class ExportParticipationXlsxEndpoint
{
    private const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/reports/participation.xlsx", async (string? year, IMediator mediator, CancellationToken ct) =>
            {
                var (fileName, content) = await mediator.Send(new ExportParticipationXlsx(year), ct);
                return TypedResults.File(content, ContentType, fileName);
            })
            .RequireAuthorization(Policies.Staff)
            .RecordedAsExport()
            .WithName("ParticipationReportXlsx")
            .WithSummary("The participation report as an .xlsx workbook: a sheet per cluster and per type, typed cells, frozen header")
            .Produces(StatusCodes.Status200OK, contentType: ContentType)
            .ProducesValidationProblem();
}
