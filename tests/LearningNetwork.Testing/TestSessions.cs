using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningNetwork.ApiClient;
using LearningNetwork.Sessions.Contracts;

namespace LearningNetwork.Testing;

/// <summary>Published sessions to enroll in, for tests across modules.</summary>
public static class TestSessions
{
    public static async Task<JsonElement> PublishedSessionAsync(this HttpClient staff, int capacity, int daysAhead = 20, string? enrollmentDeadline = null)
    {
        var start = DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(10);
        var session = await (await staff.PostAsJsonAsync("/api/sessions", new
        {
            title = $"Lerend netwerk {Guid.NewGuid():N}",
            kind = "LearningNetworkMeeting",
            start = start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            end = start.AddHours(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            timeZone = "Europe/Brussels",
            location = "Gent",
            capacity,
            enrollmentDeadline,
        })).Json(HttpStatusCode.Created);
        return await (await staff.PostAsync($"/api/sessions/{session.Id()}/publish", null)).Json(HttpStatusCode.OK);
    }

    /// <summary>A published two-hour session in Ghent, <paramref name="daysAhead"/> days from now.</summary>
    public static async Task<SessionView> PublishedSessionAsync(this LearningNetworkApi staff, int capacity, int daysAhead = 20, string? enrollmentDeadline = null)
    {
        var start = DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(10);
        var session = await staff.CreateSessionAsync(new SessionRequest(
            $"Lerend netwerk {Guid.NewGuid():N}", "LearningNetworkMeeting", "Europe/Brussels", capacity,
            Start: Local(start), End: Local(start.AddHours(2)), Location: "Gent", EnrollmentDeadline: enrollmentDeadline)).Expect(HttpStatusCode.Created);
        return await staff.PublishSessionAsync(session.Id).Expect(HttpStatusCode.OK);
    }

    /// <summary>A time as the API's local times are written (2030-01-07T10:00).</summary>
    public static string Local(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> EnrollAsync(this HttpClient client, string sessionId, Guid? clusterManagerId = null) =>
        clusterManagerId is null
            ? client.PostAsync($"/api/sessions/{sessionId}/enrollments", null)
            : client.PostAsJsonAsync($"/api/sessions/{sessionId}/enrollments", new { clusterManagerId });

    public static async Task<JsonElement> SessionAsync(this HttpClient client, string sessionId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}");
}
