using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.CalendarFeed;

internal static class CalendarFeedEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
        api.MapGet("/me/calendar-feed", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetMyCalendarFeed(), ct)))
            .RequireAuthorization(Policies.ClusterManager)
            .WithName("GetMyCalendarFeed")
            .WithSummary("The address of the caller's secret iCalendar feed")
            .Produces<CalendarFeedResponse>();
        api.MapPost("/me/calendar-feed/rotate", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new RotateMyCalendarFeed(), ct)))
            .RequireAuthorization(Policies.ClusterManager)
            .WithName("RotateMyCalendarFeed")
            .WithSummary("A new feed address; the old one stops working")
            .Produces<CalendarFeedResponse>();
        app.MapGet("/calendar/{token}.ics", async (string token, IMediator mediator, CancellationToken ct) =>
                TypedResults.Text(await mediator.Send(new RenderCalendarFeed(token), ct), "text/calendar; charset=utf-8"))
            .AllowAnonymous()
            .WithTags("Enrollments")
            .WithName("CalendarFeed")
            .WithSummary("A manager's sessions as a subscribable iCalendar feed (the token is the secret)")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
