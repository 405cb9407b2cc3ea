using LearningNetwork.Accounts.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Accounts.Features.ForgotPassword;

internal static class ForgotPasswordEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/forgot-password", async (ForgotPassword request, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(request, ct);
                return TypedResults.Accepted((string?)null);
            })
            .AllowAnonymous()
            .RequireRateLimiting(AccountsRateLimits.Login)
            .WithName("ForgotPassword")
            .WithSummary("Email a reset link if the address has an account (always 202)")
            .ProducesValidationProblem();
}
