using System.Reflection;
using LearningNetwork.BuildingBlocks.Contracts;
using Microsoft.AspNetCore.Builder;

namespace LearningNetwork.BuildingBlocks.Http;

/// <summary>An endpoint that serves a use case requires what the use case's request states (<see cref="CallerMustBeAttribute"/>), written once.</summary>
public static class EndpointAccess
{
    public static RouteHandlerBuilder RequireAuthorizationOf<TRequest>(this RouteHandlerBuilder builder)
    {
        var rule = typeof(TRequest).GetCustomAttribute<CallerMustBeAttribute>()
            ?? throw new InvalidOperationException($"{typeof(TRequest).Name} states no access rule: mark it [CallerMustBe].");
        return rule.Policy is null ? builder.RequireAuthorization() : builder.RequireAuthorization(rule.Policy);
    }
}
