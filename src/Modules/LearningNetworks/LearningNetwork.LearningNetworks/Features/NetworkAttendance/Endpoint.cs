using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.LearningNetworks.Features.NetworkAttendance;

internal static class NetworkAttendanceEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/learning-networks/{id:guid}/attendance", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new NetworkAttendance(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("LearningNetworkAttendance")
            .WithSummary("Attendance over the cycle: members × meetings, with each member's attendance rate")
            .Produces<AttendanceMatrix>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
