using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.Participants;

internal static class ParticipantEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/sessions/{id:guid}/enrollments", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListParticipants(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ListParticipants")
            .WithSummary("The session's enrollments with names and clusters")
            .Produces<IReadOnlyList<ParticipantResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/sessions/{id:guid}/enrollments.csv", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var (fileName, content) = await mediator.Send(new ParticipantsCsv(id), ct);
                return TypedResults.File(content, "text/csv; charset=utf-8", fileName);
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("ParticipantsCsv")
            .WithSummary("The same list as CSV (UTF-8 with BOM, semicolons: opens in a Belgian spreadsheet)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/sessions/{id:guid}/attendance", async (Guid id, List<AttendanceMark> marks, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new MarkAttendance(id, marks), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("MarkAttendance")
            .WithSummary("Mark who attended: [{enrollmentId, attendance}]")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
