using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Accounts.Features.Login;

internal static class LoginEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/login", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (Login request, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(request, ct) is var outcome && outcome == PasswordSignInOutcome.SignedIn
                    ? TypedResults.Empty // the bearer handler has written {tokenType, accessToken, expiresIn, refreshToken}
                    : Refused(outcome))
            .AllowAnonymous()
            .RequireRateLimiting(AccountsRateLimits.Login)
            .WithName("Login")
            .WithSummary("Exchange email and password for a bearer token")
            .Produces<AccessTokenResponseDoc>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // The web UI's sign-in: same rules, but a cookie instead of a token.
        api.MapPost("/auth/cookie-login", async Task<Results<NoContent, ProblemHttpResult>> (Login request, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(request with { Scheme = IdentityConstants.ApplicationScheme }, ct) is var outcome && outcome == PasswordSignInOutcome.SignedIn
                    ? TypedResults.NoContent()
                    : Refused(outcome))
            .AllowAnonymous()
            .RequireRateLimiting(AccountsRateLimits.Login)
            .WithName("CookieLogin")
            .WithSummary("Sign in with a cookie (web UI)")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static ProblemHttpResult Refused(PasswordSignInOutcome outcome) => TypedResults.Problem(
        title: "Sign-in failed",
        detail: outcome == PasswordSignInOutcome.UseOrganisationAccount
            ? "Staff sign in with their organisation account: password sign-in is off for staff."
            : "The email or password is wrong, or the account is locked.",
        statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>The shape the bearer handler writes, for the OpenAPI document.</summary>
    internal sealed record AccessTokenResponseDoc(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}
