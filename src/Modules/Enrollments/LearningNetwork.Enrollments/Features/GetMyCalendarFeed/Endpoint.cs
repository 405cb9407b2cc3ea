using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.GetMyCalendarFeed;

internal static class GetMyCalendarFeedEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me/calendar-feed", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetMyCalendarFeed(), ct)))
            .RequireAuthorization(Policies.ClusterManager)
            .WithName("GetMyCalendarFeed")
            .WithSummary("The address of the caller's secret iCalendar feed")
            .Produces<CalendarFeedResponse>();
}
