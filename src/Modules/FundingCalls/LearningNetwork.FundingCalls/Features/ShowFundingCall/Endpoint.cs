using LearningNetwork.FundingCalls.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.FundingCalls.Features.ShowFundingCall;

internal static class ShowFundingCallEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/funding-calls/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ShowFundingCall(id), ct)))
            .RequireAuthorization()
            .WithName("GetFundingCall")
            .WithSummary("One funding call with its guidelines (a manager: published calls their cluster type is eligible for)")
            .Produces<CallResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
