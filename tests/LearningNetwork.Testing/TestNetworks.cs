using System.Net;
using LearningNetwork.ApiClient;

namespace LearningNetwork.Testing;

/// <summary>The learning networks and their meetings that tests need, made through the typed client.</summary>
public static class TestNetworks
{
    /// <summary>A new network with a fresh name, about the circular economy.</summary>
    public static Task<NetworkView> NewNetworkAsync(this LearningNetworkApi staff, string membership, string? name = null) =>
        staff.CreateNetworkAsync(new NetworkRequest(name ?? $"Netwerk {Guid.NewGuid():N}", "Circulaire economie", null, membership, null)).Expect(HttpStatusCode.Created);

    public static Task<MembersAddedView> AddMembersAsync(this LearningNetworkApi staff, Guid networkId, IReadOnlyCollection<Guid> managers) =>
        staff.AddNetworkMembersAsync(networkId, managers).Expect(HttpStatusCode.OK);

    public static Task<NetworkView> NetworkAsync(this LearningNetworkApi client, Guid networkId) => client.GetNetworkAsync(networkId).Expect(HttpStatusCode.OK);

    /// <summary>A draft meeting of the network in Ghent, <paramref name="daysAhead"/> days from now, two hours long.</summary>
    public static async Task<Guid> DraftMeetingAsync(this LearningNetworkApi staff, Guid networkId, int capacity, int daysAhead = 20)
    {
        var start = DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(10);
        var session = await staff.CreateSessionAsync(new SessionRequest(
            $"Bijeenkomst {Guid.NewGuid():N}", "LearningNetworkMeeting", "Europe/Brussels", capacity, Start: TestSessions.Local(start), End: TestSessions.Local(start.AddHours(2)),
            Location: "Gent", LearningNetworkId: networkId)).Expect(HttpStatusCode.Created);
        return session.Id;
    }

    public static async Task<Guid> PublishedMeetingAsync(this LearningNetworkApi staff, Guid networkId, int capacity, int daysAhead = 20)
    {
        var id = await staff.DraftMeetingAsync(networkId, capacity, daysAhead);
        await staff.PublishSessionAsync(id).Expect(HttpStatusCode.OK);
        return id;
    }

    public static async Task<IReadOnlyList<Participant>> ParticipantsAsync(this LearningNetworkApi staff, Guid sessionId) =>
        await staff.GetParticipantsAsync(sessionId).Expect(HttpStatusCode.OK);
}
