using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.GetMyPreferences;

internal static class GetMyPreferencesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me/preferences", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetMyPreferences(), ct)))
            .RequireAuthorization(Policies.ClusterManager)
            .WithName("GetMyPreferences").WithSummary("The caller's language and whether they want announcements of new sessions")
            .Produces<PreferencesResponse>().ProducesProblem(StatusCodes.Status404NotFound);
}
