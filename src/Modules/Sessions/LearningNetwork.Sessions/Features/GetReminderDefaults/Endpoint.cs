using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Sessions.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Sessions.Features.GetReminderDefaults;

internal static class GetReminderDefaultsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/reminder-defaults", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetReminderDefaults(), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("GetReminderDefaults")
            .WithSummary("Reminder and follow-up rules new sessions get, per kind")
            .Produces<ReminderDefaultsBody>();
}
