using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Accounts.Features.ListAuditEntries;

internal static class ListAuditEntriesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/audit", async (Guid? actorId, string? action, Guid? entityId, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAuditEntries(actorId, action, entityId, from, to, page, pageSize), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ListAuditEntries")
            .WithSummary("The audit log: who changed what, sign-ins, lockouts, password resets, role changes and exports, newest first")
            .Produces<PagedResult<AuditEntryResponse>>()
            .ProducesValidationProblem();
}
