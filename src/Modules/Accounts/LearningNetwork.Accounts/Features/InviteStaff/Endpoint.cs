using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Accounts.Features.InviteStaff;

internal static class InviteStaffEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/staff", async (InviteStaff request, IMediator mediator, CancellationToken ct) =>
            {
                var staff = await mediator.Send(request, ct);
                return TypedResults.Created($"/api/staff/{staff.UserId}", staff);
            })
            .RequireAuthorization(Policies.Admin)
            .WithName("InviteStaff")
            .WithSummary("Create a staff account and email its invitation")
            .Produces<StaffResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
