using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.MarkAttendance;

internal static class MarkAttendanceEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
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
