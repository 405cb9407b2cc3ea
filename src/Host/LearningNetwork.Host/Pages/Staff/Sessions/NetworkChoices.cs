namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>The learning networks a new session or series may belong to.</summary>
internal static class NetworkChoices
{
    public static async Task<IReadOnlyList<NetworkView>> LoadAsync(LearningNetworkApi api) =>
        (await api.GetNetworksAsync()).Value?.Items ?? [];
}
