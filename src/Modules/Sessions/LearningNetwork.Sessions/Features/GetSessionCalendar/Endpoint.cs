using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Sessions.Features.GetSessionCalendar;

internal static class GetSessionCalendarEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/sessions/{id:guid}/calendar.ics", async (Guid id, string? language, IMediator mediator, CancellationToken ct) =>
                TypedResults.Text(await mediator.Send(new GetSessionCalendar(id, language), ct), "text/calendar; charset=utf-8"))
            .RequireAuthorization()
            .WithName("GetSessionCalendar")
            .WithSummary("The session as an iCalendar (.ics) file, in the given language (nl, en, fr) where staff translated it")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
