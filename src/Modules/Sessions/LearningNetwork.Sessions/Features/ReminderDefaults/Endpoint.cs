using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Sessions.Features.ReminderDefaults;

internal static class ReminderDefaultsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/reminder-defaults", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetReminderDefaults(), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("GetReminderDefaults")
            .WithSummary("Reminder and follow-up rules new sessions get, per kind")
            .Produces<ReminderDefaultsBody>();

        api.MapPut("/reminder-defaults", async (ReminderDefaultsBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateReminderDefaults(body), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("UpdateReminderDefaults")
            .WithSummary("Change the rules for sessions scheduled from now on")
            .Produces<ReminderDefaultsBody>()
            .ProducesValidationProblem();
    }
}
