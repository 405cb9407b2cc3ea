using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Accounts.Features.ListStaff;

internal static class ListStaffEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/staff", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListStaff(), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ListStaff")
            .WithSummary("The staff accounts, active or not")
            .Produces<IReadOnlyList<StaffMember>>();
}
