using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Features.GetMyPreferences;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.SaveMyPreferences;

internal static class SaveMyPreferencesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/me/preferences", async (SaveMyPreferences request, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(request, ct)))
            .RequireAuthorization(Policies.ClusterManager)
            .WithName("SaveMyPreferences").WithSummary("Set the caller's language and whether they want announcements of new sessions")
            .Produces<PreferencesResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
}
