using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Notifications.Features.AnnounceSession;

internal static class AnnounceSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sessions/{id:guid}/announce", async (Guid id, bool? dryRun, AnnounceSession? request, IMediator mediator, CancellationToken ct) =>
            {
                var queued = await mediator.Send((request ?? new AnnounceSession()) with { SessionId = id, DryRun = dryRun == true }, ct);
                return queued.DryRun ? Results.Ok(queued) : Results.Accepted((string?)null, queued);
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("AnnounceSession")
            .WithSummary("Announce a published session to managers in an audience; with dryRun=true, only count them")
            .Produces<AnnouncementQueued>(StatusCodes.Status202Accepted)
            .Produces<AnnouncementQueued>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
