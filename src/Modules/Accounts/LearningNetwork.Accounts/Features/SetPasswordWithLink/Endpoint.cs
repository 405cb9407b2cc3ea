using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Accounts.Features.SetPasswordWithLink;

/// <summary>Activating an invited account and resetting a password are one request; the route says which kind of link it takes.</summary>
internal static class SetPasswordWithLinkEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/activate", async (SetPasswordWithLink request, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(request with { Purpose = AccountLinkPurpose.Invitation }, ct);
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .RequireRateLimiting(AccountsRateLimits.Login)
            .WithName("ActivateAccount")
            .WithSummary("Activate an invited account: the token from the invitation link and a password")
            .ProducesValidationProblem();

        api.MapPost("/auth/reset-password", async (SetPasswordWithLink request, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(request with { Purpose = AccountLinkPurpose.PasswordReset }, ct);
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .RequireRateLimiting(AccountsRateLimits.Login)
            .WithName("ResetPassword")
            .WithSummary("Set a new password with the token from the reset link")
            .ProducesValidationProblem();
    }
}
