using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Enrollments.Features.RotateMyCalendarFeed;

internal static class RotateMyCalendarFeedEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/me/calendar-feed/rotate", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new RotateMyCalendarFeed(), ct)))
            .RequireAuthorization(Policies.ClusterManager)
            .WithName("RotateMyCalendarFeed")
            .WithSummary("A new feed address; the old one stops working")
            .Produces<CalendarFeedResponse>();
}
