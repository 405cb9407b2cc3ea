using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.RenderCalendarFeed;

internal static class RenderCalendarFeedEndpoint
{
    /// <summary>Mapped on the application's root, not the /api group: calendar apps subscribe to a plain .ics address.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{token}.ics", async (string token, IMediator mediator, CancellationToken ct) =>
                TypedResults.Text(await mediator.Send(new RenderCalendarFeed(token), ct), "text/calendar; charset=utf-8"))
            .AllowAnonymous()
            .WithTags("Enrollments")
            .WithName("CalendarFeed")
            .WithSummary("A manager's sessions as a subscribable iCalendar feed (the token is the secret)")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
