using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Accounts.Features.ChangeStaffRoles;

internal static class ChangeStaffRolesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/staff/{id:guid}/roles", async (Guid id, ChangeStaffRolesBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangeStaffRoles(id, body.Roles), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ChangeStaffRoles")
            .WithSummary("Make a staff member Admin ([\"Admin\"]) or plain Staff ([\"Staff\"]); the last Admin keeps the role")
            .Produces<StaffMember>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
