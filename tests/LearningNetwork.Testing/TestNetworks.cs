using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LearningNetwork.ApiClient;

namespace LearningNetwork.Testing;

/// <summary>The learning-network API as tests call it: typed requests and answers.</summary>
public static class TestNetworks
{
    public sealed record NewNetwork(string Name, string Theme, string Membership, string? Description = null, Guid? FacilitatorStaffId = null);

    public sealed record Meeting(Guid SessionId, string Title, DateTime StartsAt);

    public sealed record NetworkMeeting(Guid SessionId, string Title, DateTime StartsAt, DateTime EndsAt, string Status);

    public sealed record Network(
        Guid Id, string Name, string Theme, string? Description, string Membership, Guid? FacilitatorStaffId, int MemberCount, bool? IsMember,
        IReadOnlyList<Meeting> UpcomingMeetings, IReadOnlyList<NetworkMeeting> Meetings);

    public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

    public sealed record AddMembers(IReadOnlyList<Guid> ClusterManagerIds);

    public sealed record MembersAdded(int Added, int AlreadyMembers);

    public sealed record Member(Guid ClusterManagerId, string FullName, string Email, string ClusterName, DateTime JoinedAt);

    public sealed record MatrixMeeting(Guid SessionId, string Title, DateTime StartsAt);

    public sealed record MatrixMember(Guid ClusterManagerId, string FullName, string ClusterName, bool IsMember, IReadOnlyList<string> Marks, double? AttendanceRate);

    public sealed record Attendance(IReadOnlyList<MatrixMeeting> Meetings, IReadOnlyList<MatrixMember> Members);

    public sealed record NewMeeting(
        string Title, string Kind, string Start, string End, string TimeZone, int Capacity, Guid? LearningNetworkId, string? Location = "Gent");

    public sealed record NewSeries(
        string Title, string Kind, string TimeZone, string FirstStart, int DurationMinutes, string Recurrence, int Capacity, Guid? LearningNetworkId);

    public sealed record SeriesCreated(Guid Id, IReadOnlyList<Guid> SessionIds);

    public sealed record Enrollment(Guid Id, Guid ClusterManagerId, string FullName, string Status, int? WaitlistPosition, string Attendance);

    public sealed record AttendanceMark(Guid EnrollmentId, string Attendance);

    public static async Task<Network> CreateNetworkAsync(this HttpClient staff, string membership, string? name = null) =>
        (await (await staff.PostAsJsonAsync("/api/learning-networks", new NewNetwork(name ?? $"Netwerk {Guid.NewGuid():N}", "Circulaire economie", membership)))
            .Typed<Network>(HttpStatusCode.Created));

    public static async Task<MembersAdded> AddMembersAsync(this HttpClient staff, Guid networkId, IReadOnlyList<Guid> managers) =>
        await (await staff.PostAsJsonAsync($"/api/learning-networks/{networkId}/members", new AddMembers(managers))).Typed<MembersAdded>(HttpStatusCode.OK);

    public static async Task<Network> NetworkAsync(this HttpClient client, Guid networkId) =>
        await (await client.GetAsync($"/api/learning-networks/{networkId}")).Typed<Network>(HttpStatusCode.OK);

    /// <summary>A draft meeting of the network, <paramref name="daysAhead"/> days from now, two hours long.</summary>
    public static async Task<Guid> DraftMeetingAsync(this HttpClient staff, Guid networkId, int capacity, int daysAhead = 20)
    {
        var start = DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(10);
        var session = await (await staff.PostAsJsonAsync("/api/sessions", new NewMeeting(
            $"Bijeenkomst {Guid.NewGuid():N}", "LearningNetworkMeeting", Local(start), Local(start.AddHours(2)), "Europe/Brussels", capacity, networkId)))
            .Json(HttpStatusCode.Created);
        return Guid.Parse(session.Id());
    }

    public static async Task<Guid> PublishedMeetingAsync(this HttpClient staff, Guid networkId, int capacity, int daysAhead = 20)
    {
        var id = await staff.DraftMeetingAsync(networkId, capacity, daysAhead);
        await (await staff.PostAsync($"/api/sessions/{id}/publish", null)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    public static async Task<IReadOnlyList<Enrollment>> ParticipantsAsync(this HttpClient staff, Guid sessionId) =>
        await (await staff.GetAsync($"/api/sessions/{sessionId}/enrollments")).Typed<List<Enrollment>>(HttpStatusCode.OK);

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
            $"Bijeenkomst {Guid.NewGuid():N}", "LearningNetworkMeeting", "Europe/Brussels", capacity, Start: Local(start), End: Local(start.AddHours(2)),
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

    public static string Local(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static async Task<T> Typed<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldBe(expected);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
