using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.LearningNetworks.Features.ListMembers;

internal static class ListMembersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/learning-networks/{id:guid}/members", async (Guid id, string? search, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListMembers(id, search, page, pageSize), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ListLearningNetworkMembers")
            .WithSummary("A network's members in the order they joined (search: name, email or cluster)")
            .Produces<PagedResult<MemberResponse>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
