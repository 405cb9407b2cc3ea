using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Accounts.Features.GetMe;

internal static class GetMeEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetMe(), ct)))
            .RequireAuthorization()
            .WithName("GetMe")
            .WithSummary("Who the caller is: roles, language, cluster manager entry")
            .Produces<MeResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
