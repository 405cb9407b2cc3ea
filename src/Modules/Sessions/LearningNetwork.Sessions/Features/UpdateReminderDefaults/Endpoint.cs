using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Sessions.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Sessions.Features.UpdateReminderDefaults;

internal static class UpdateReminderDefaultsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/reminder-defaults", async (ReminderDefaultsBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateReminderDefaults(body), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("UpdateReminderDefaults")
            .WithSummary("Change the rules for sessions scheduled from now on")
            .Produces<ReminderDefaultsBody>()
            .ProducesValidationProblem();
}
