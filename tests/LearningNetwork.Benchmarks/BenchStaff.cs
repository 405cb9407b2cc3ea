using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LearningNetwork.Benchmarks;

/// <summary>
/// The staff account every scenario's host creates at its first start, its sign-in, and the
/// published sessions the scenarios measure against.
/// </summary>
internal static class BenchStaff
{
    public const string Email = "bench-staff@bench.local";
    public const string Password = "Bench-Staff-Password-1";

    /// <summary>The host settings that create the account when the database has no staff yet.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Bootstrap =>
    [
        new("Bootstrap__StaffEmail", Email),
        new("Bootstrap__StaffPassword", Password),
    ];

    /// <summary>Signs the client in with a bearer token, sent on every request after.</summary>
    public static async Task SignInAsync(HttpClient http)
    {
        using var answer = await http.PostAsJsonAsync("/api/auth/login", new { email = Email, password = Password });
        answer.EnsureSuccessStatusCode();
        var login = await answer.Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
    }

    /// <summary>A published two-hour training at 10:00 UTC's date, <paramref name="daysAhead"/> days from today; its id.</summary>
    public static async Task<string> PublishedSessionAsync(HttpClient http, string title, int capacity, int daysAhead = 30)
    {
        var start = DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(10);
        using var created = await http.PostAsJsonAsync("/api/sessions", new
        {
            title,
            kind = "Training",
            start = start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            end = start.AddHours(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            timeZone = "Europe/Brussels",
            capacity,
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await http.PostAsync($"/api/sessions/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }
}
