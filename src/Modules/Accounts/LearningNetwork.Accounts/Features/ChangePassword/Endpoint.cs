using LearningNetwork.Accounts.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Accounts.Features.ChangePassword;

internal static class ChangePasswordEndpoint
{
    // Rate limited as sign-in is: the current password could otherwise be guessed here.
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/me/password", async (ChangePassword request, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(request, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .RequireRateLimiting(AccountsRateLimits.Login)
            .WithName("ChangePassword")
            .WithSummary("Changes the caller's own password (the current one is asked)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
