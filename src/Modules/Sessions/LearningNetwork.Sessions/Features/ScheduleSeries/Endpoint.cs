using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Sessions.Features.ScheduleSeries;

internal static class ScheduleSeriesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/series", async (ScheduleSeries request, IMediator mediator, CancellationToken ct) =>
            {
                var series = await mediator.Send(request, ct);
                return TypedResults.Created($"/api/series/{series.Id}", series);
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("ScheduleSeries")
            .WithSummary("Plan a recurring series from an RRULE (COUNT or UNTIL, at most 52 sessions)")
            .Produces<SeriesResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
}
