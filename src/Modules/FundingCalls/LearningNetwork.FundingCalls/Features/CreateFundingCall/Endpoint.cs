using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.FundingCalls.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.FundingCalls.Features.CreateFundingCall;

internal static class CreateFundingCallEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/funding-calls", async (CreateFundingCall request, IMediator mediator, CancellationToken ct) =>
            {
                var call = await mediator.Send(request, ct);
                return TypedResults.Created($"/api/funding-calls/{call.Id}", call);
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("CreateFundingCall")
            .WithSummary("Create a funding call (a draft until published); reminders default to 14 and 3 days before the deadline")
            .Produces<CallResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
}
