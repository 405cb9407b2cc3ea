namespace LearningNetwork.Accounts.Domain;

/// <summary>
/// Failed sign-ins for one email address from one client address, counted in a window
/// (<see cref="Infrastructure.SignInThrottle"/>). The key is a keyed hash of the pair: neither the
/// email nor the client address is stored.
/// </summary>
internal sealed class SignInFailures
{
    public string Key { get; init; } = "";

    public DateTimeOffset WindowStartedAt { get; init; }

    public int Failures { get; init; }
}
