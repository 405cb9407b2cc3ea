using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace LearningNetwork.BuildingBlocks.Security;

/// <summary>
/// A caller whose credentials were valid but whose account was since deactivated ends up
/// anonymous after authentication; ASP.NET Core would answer 403 because authentication itself
/// "succeeded". Such a caller is not known to us any more: 401, as for anyone not signed in.
/// </summary>
internal sealed class ChallengeAnonymousResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true)
        {
            return _default.HandleAsync(next, context, policy, PolicyAuthorizationResult.Challenge());
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
