using LearningNetwork.BuildingBlocks.Http;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.ParticipantsCsv;

internal static class ParticipantsCsvEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/sessions/{id:guid}/enrollments.csv", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var (fileName, content) = await mediator.Send(new ParticipantsCsv(id), ct);
                return TypedResults.File(content, "text/csv; charset=utf-8", fileName);
            })
            .RequireAuthorization(Policies.Staff)
            .RecordedAsExport()
            .WithName("ParticipantsCsv")
            .WithSummary("The same list as CSV (UTF-8 with BOM, semicolons: opens in a Belgian spreadsheet)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
