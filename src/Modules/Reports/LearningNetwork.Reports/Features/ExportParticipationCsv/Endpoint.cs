using LearningNetwork.BuildingBlocks.Http;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Reports.Features.ExportParticipationCsv;

internal static class ExportParticipationCsvEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/reports/participation.csv", async (string? year, IMediator mediator, CancellationToken ct) =>
            {
                var (fileName, content) = await mediator.Send(new ExportParticipationCsv(year), ct);
                return TypedResults.File(content, "text/csv; charset=utf-8", fileName);
            })
            .RequireAuthorization(Policies.Staff)
            .RecordedAsExport()
            .WithName("ParticipationReportCsv")
            .WithSummary("The participation report's rows as CSV for Belgian spreadsheets (semicolons, decimal commas, UTF-8 with BOM)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
}
