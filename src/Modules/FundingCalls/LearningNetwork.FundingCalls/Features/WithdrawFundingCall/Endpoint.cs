using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.FundingCalls.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.FundingCalls.Features.WithdrawFundingCall;

internal static class WithdrawFundingCallEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/funding-calls/{id:guid}/withdraw", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new WithdrawFundingCall(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("WithdrawFundingCall")
            .WithSummary("Withdraw a call: managers no longer see it and no reminder goes out any more")
            .Produces<CallResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
