using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.Managers;

internal static class ManagerEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var managers = api.MapGroup("/cluster-managers").RequireAuthorization(Policies.Staff);
        managers.MapPost("", async (SaveManager request, IMediator mediator, CancellationToken ct) =>
            {
                var manager = await mediator.Send(request with { Id = null }, ct);
                return TypedResults.Created($"/api/cluster-managers/{manager.Id}", manager);
            })
            .WithName("CreateClusterManager").WithSummary("Add a manager; an invitation email follows")
            .Produces<ManagerResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        managers.MapGet("", async (string? search, Guid? clusterId, bool? active, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListManagers(search, clusterId, active, page, pageSize), ct)))
            .WithName("ListClusterManagers").WithSummary("Search managers by name, email or cluster; paged")
            .Produces<PagedResult<ManagerResponse>>().ProducesValidationProblem();
        managers.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetManager(id), ct)))
            .WithName("GetClusterManager").WithSummary("One manager")
            .Produces<ManagerResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        managers.MapPut("/{id:guid}", async (Guid id, SaveManager request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request with { Id = id }, ct)))
            .WithName("UpdateClusterManager").WithSummary("Replace a manager's details; the account follows")
            .Produces<ManagerResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        managers.MapPost("/{id:guid}/deactivate", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DeactivateManager(id), ct)))
            .WithName("DeactivateClusterManager").WithSummary("The manager can no longer sign in; future enrollments end, emails stop")
            .Produces<ManagerResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        managers.MapPost("/{id:guid}/resend-invitation", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ResendInvitation(id), ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithName("ResendInvitation").WithSummary("A new invitation link; the old one stops working")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
