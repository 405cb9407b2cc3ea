namespace LearningNetwork.BuildingBlocks.Contracts;

/// <summary>
/// Who may send this request: a signed-in caller, and when <see cref="Policy"/> is set, one the
/// named authorization policy admits. The one statement of a use case's access rule: its endpoint
/// requires it (RequireAuthorizationOf), and the request pipeline checks it again on every send
/// from a caller's request, so a web page that sends the use case in process obeys the same rule
/// as the API's clients.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CallerMustBeAttribute(string? policy = null) : Attribute
{
    /// <summary>The authorization policy (Staff, Admin, ClusterManager); null for anyone signed in.</summary>
    public string? Policy { get; } = policy;
}
