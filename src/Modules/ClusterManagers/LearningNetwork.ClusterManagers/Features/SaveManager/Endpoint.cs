using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.SaveManager;

/// <summary>Adding and replacing a manager are one request with the same rules; the route decides which.</summary>
internal static class SaveManagerEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/cluster-managers", async (SaveManager request, IMediator mediator, CancellationToken ct) =>
            {
                var manager = await mediator.Send(request with { Id = null }, ct);
                return TypedResults.Created($"/api/cluster-managers/{manager.Id}", manager);
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("CreateClusterManager").WithSummary("Add a manager; an invitation email follows")
            .Produces<ManagerResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/cluster-managers/{id:guid}", async (Guid id, SaveManager request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request with { Id = id }, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("UpdateClusterManager").WithSummary("Replace a manager's details; the account follows")
            .Produces<ManagerResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
