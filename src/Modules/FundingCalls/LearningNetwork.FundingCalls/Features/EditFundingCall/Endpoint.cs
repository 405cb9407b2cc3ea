using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.FundingCalls.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.FundingCalls.Features.EditFundingCall;

internal static class EditFundingCallEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/funding-calls/{id:guid}", async (Guid id, EditFundingCall request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request with { Id = id }, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("EditFundingCall")
            .WithSummary("Change a funding call; a moved deadline of a published call plans its reminders again")
            .Produces<CallResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
