using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.FundingCalls.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.FundingCalls.Features.PublishFundingCall;

internal static class PublishFundingCallEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/funding-calls/{id:guid}/publish", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PublishFundingCall(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("PublishFundingCall")
            .WithSummary("Publish a draft call: eligible managers see it and its deadline reminders are planned")
            .Produces<CallResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
