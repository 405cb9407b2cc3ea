using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearningNetwork.ApiClient;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Testing;

namespace LearningNetwork.Sessions.Tests.Http;

/// <summary>Request bodies and small helpers shared by the HTTP tests of this module.</summary>
internal static class SessionRequests
{
    public static string Local(DateTime value) => value.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>A valid schedule request, some weeks ahead; tests change one field at a time.</summary>
    public static JsonObject ValidSession(int daysAhead = 30, string kind = "Training", int capacity = 20)
    {
        var start = DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(14);
        return new JsonObject
        {
            ["title"] = $"Subsidieregels {Guid.NewGuid():N}",
            ["description"] = "Wat verandert er in 2027",
            ["kind"] = kind,
            ["start"] = Local(start),
            ["end"] = Local(start.AddHours(2)),
            ["timeZone"] = "Europe/Brussels",
            ["location"] = "Koning Albert II-laan 35, Brussel",
            ["capacity"] = capacity,
        };
    }

    /// <summary>The same valid request, typed: tests change a field with <c>with</c>.</summary>
    public static SessionRequest Valid(int daysAhead = 30, string kind = "Training", int capacity = 20)
    {
        var start = DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(14);
        return new SessionRequest(
            $"Subsidieregels {Guid.NewGuid():N}", kind, "Europe/Brussels", capacity, Start: Local(start), End: Local(start.AddHours(2)),
            Description: "Wat verandert er in 2027", Location: "Koning Albert II-laan 35, Brussel");
    }

    public static Task<SessionView> ScheduleAsync(this LearningNetworkApi staff, SessionRequest? body = null) =>
        staff.CreateSessionAsync(body ?? Valid()).Expect(HttpStatusCode.Created);

    public static async Task<SessionView> PublishedAsync(this LearningNetworkApi staff, SessionRequest? body = null) =>
        await staff.PublishSessionAsync((await staff.ScheduleAsync(body)).Id).Expect(HttpStatusCode.OK);

    /// <summary>The last Sunday of March of next year: the night Brussels springs forward (02:00 -> 03:00).</summary>
    public static DateTime NextSpringForwardSunday()
    {
        var year = DateTime.UtcNow.Year + 1;
        var day = new DateTime(year, 3, 31);
        while (day.DayOfWeek != DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>The last Sunday of October of next year: the night Brussels falls back (03:00 -> 02:00).</summary>
    public static DateTime NextFallBackSunday()
    {
        var year = DateTime.UtcNow.Year + 1;
        var day = new DateTime(year, 10, 31);
        while (day.DayOfWeek != DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    public static async Task<JsonElement> ScheduleAsync(this HttpClient staff, JsonObject? body = null)
    {
        var response = await staff.PostAsJsonAsync("/api/sessions", body ?? ValidSession());
        await response.ShouldBe(HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> PublishedAsync(this HttpClient staff, JsonObject? body = null)
    {
        var session = await staff.ScheduleAsync(body);
        var response = await staff.PostAsync($"/api/sessions/{session.Id()}/publish", null);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).ToString();
}
