using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Notifications.Tests;

internal static class StaffSessions
{
    /// <summary>
    /// A published Training in Brussels time, starting <paramref name="startsIn"/> from now (20 days
    /// unless told) to the second, so rules in minutes land where the test wants them. Returns its id.
    /// </summary>
    public static async Task<string> PublishedSessionAsync(this HttpClient staff, int capacity, string title = "Lerend netwerk",
        TimeSpan? startsIn = null, int[]? reminders = null, int[]? followUps = null)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var start = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow + (startsIn ?? TimeSpan.FromDays(20)), zone).DateTime;
        var session = await (await staff.PostAsJsonAsync("/api/sessions", new
        {
            title, kind = "Training", timeZone = "Europe/Brussels", capacity, location = "Brussel",
            start = start.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            end = start.AddHours(2).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            reminders = (reminders ?? [10080, 1440]).Select(m => new { minutesBefore = m }).ToArray(),
            followUps = (followUps ?? [1440]).Select(m => new { minutesAfter = m }).ToArray(),
        })).Json(HttpStatusCode.Created);
        await (await staff.PostAsync($"/api/sessions/{session.Id()}/publish", null)).ShouldBe(HttpStatusCode.OK);
        return session.Id();
    }
}
