using LearningNetwork.FundingCalls.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.FundingCalls.Features.ListFundingCalls;

internal static class ListFundingCallsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/funding-calls", async (string? status, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListFundingCalls(status, page, pageSize), ct)))
            .RequireAuthorization()
            .WithName("ListFundingCalls")
            .WithSummary("Funding calls, soonest deadline first (status: Draft, Published, Closed or Withdrawn; a manager: the calls open or closed for their cluster type)")
            .Produces<LearningNetwork.BuildingBlocks.Contracts.PagedResult<CallResponse>>()
            .ProducesValidationProblem();
}
