using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Accounts.Features.DeactivateStaff;

internal static class DeactivateStaffEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/staff/{id:guid}/deactivate", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new DeactivateStaff(id), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("DeactivateStaff")
            .WithSummary("Shuts a colleague's staff account (not one's own, not the last active one)")
            .Produces<StaffMember>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
