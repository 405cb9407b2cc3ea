using System.Reflection;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace LearningNetwork.BuildingBlocks.Mediation;

/// <summary>
/// Checks a request's <see cref="CallerMustBeAttribute"/> against the caller of the HTTP request
/// being served, before validation and the handler: someone not signed in is refused as
/// unauthorized (401), someone the policy does not admit as forbidden (403), exactly as the
/// endpoint's own authorization would. Requests without the attribute (modules asking each other,
/// background work) pass untouched.
/// </summary>
internal sealed class AuthorizationBehavior<TRequest, TResponse>(IHttpContextAccessor accessor, IAuthorizationService authorization)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly CallerMustBeAttribute? Rule = typeof(TRequest).GetCustomAttribute<CallerMustBeAttribute>();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Rule is null)
        {
            return await next();
        }

        // A use case with an access rule is a caller's request; with no caller there is nobody to admit.
        var user = accessor.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            throw new AccessRefusedException(signedIn: false);
        }

        if (Rule.Policy is { } policy && !(await authorization.AuthorizeAsync(user, policy)).Succeeded)
        {
            throw new AccessRefusedException(signedIn: true);
        }

        return await next();
    }
}
