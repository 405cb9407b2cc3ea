using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using LearningNetwork.Testing;
using MimeKit;

namespace LearningNetwork.Reaching.Tests;

/// <summary>The host for these tests: change notices wait seconds, not a minute, so a test can see the window close.</summary>
public sealed class ReachingApp : LearningNetworkApp
{
    public const int NoticeWindowSeconds = 4;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sessions:UpdateNoticeWindowSeconds"] = NoticeWindowSeconds.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>The API of "Reaching people" as these tests call it: typed requests and answers.</summary>
public static class Reaching
{
    public sealed record Text(string Title, string? Description = null);

    public sealed record NewSession(
        string Title, string Kind, string Start, string End, string TimeZone, int Capacity, string? Location = "Gent",
        string? Description = null, IReadOnlyDictionary<string, Text>? Translations = null, string? OnlineUrl = null);

    public sealed record SessionEdit(
        string Title, string Kind, string TimeZone, int Capacity, string? Location, string? Description = null,
        IReadOnlyDictionary<string, Text>? Translations = null, string? OnlineUrl = null, string? EnrollmentDeadline = null);

    public sealed record Session(
        Guid Id, string Title, string? Description, string Status, string? Location, int Capacity, int Sequence,
        IReadOnlyDictionary<string, Text> Translations);

    public sealed record NewSeries(
        string Title, string Kind, string TimeZone, string FirstStart, int DurationMinutes, string Recurrence, int Capacity,
        IReadOnlyDictionary<string, Text>? Translations = null);

    public sealed record SeriesCreated(Guid Id, IReadOnlyList<Guid> SessionIds);

    public sealed record Email(Guid Id, string Kind, string Recipient, Guid? SessionId, string Status);

    public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

    /// <summary>A draft session <paramref name="daysAhead"/> days from now, ten o'clock Brussels time, two hours.</summary>
    public static NewSession Draft(string title, IReadOnlyDictionary<string, Text>? translations = null, int daysAhead = 20, int capacity = 20, string? description = null)
    {
        var start = DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(10);
        return new NewSession(title, "Training", Local(start), Local(start.AddHours(2)), "Europe/Brussels", capacity, "Gent", description, translations);
    }

    public static async Task<Session> ScheduleAsync(this HttpClient staff, NewSession session) =>
        await (await staff.PostAsJsonAsync("/api/sessions", session)).Typed<Session>(HttpStatusCode.Created);

    public static async Task<Session> PublishAsync(this HttpClient staff, Guid sessionId) =>
        await (await staff.PostAsync($"/api/sessions/{sessionId}/publish", null)).Typed<Session>(HttpStatusCode.OK);

    public static async Task<Session> ScheduleAndPublishAsync(this HttpClient staff, NewSession session) =>
        await staff.PublishAsync((await staff.ScheduleAsync(session)).Id);

    public static async Task<Session> GetAsync(this HttpClient client, Guid sessionId) =>
        await (await client.GetAsync($"/api/sessions/{sessionId}")).Typed<Session>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> EditAsync(this HttpClient staff, Guid sessionId, SessionEdit edit) =>
        staff.PutAsJsonAsync($"/api/sessions/{sessionId}", edit);

    public static SessionEdit Edit(Session s) => new(s.Title, "Training", "Europe/Brussels", s.Capacity, s.Location, s.Description, null);

    public static async Task EnrollAsync(this HttpClient staff, Guid sessionId, Guid clusterManagerId) =>
        await (await staff.PostAsJsonAsync($"/api/sessions/{sessionId}/enrollments", new { clusterManagerId })).ShouldBe(HttpStatusCode.Created);

    public static async Task<IReadOnlyList<Email>> EmailsAsync(this HttpClient staff, Guid sessionId, string kind) =>
        (await (await staff.GetAsync($"/api/notifications?sessionId={sessionId}&kind={kind}&pageSize=200")).Typed<Page<Email>>(HttpStatusCode.OK)).Items;

    public static Task<string> EmailOfAsync(this LearningNetworkApp app, Guid clusterManagerId) =>
        app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", clusterManagerId));

    public static List<MimeMessage> Of(this TestSmtpServer smtp, string recipient, string kind) =>
        smtp.To(recipient).Where(m => m.Headers["X-LearningNetwork-Kind"] == kind).ToList();

    public static Task<MimeMessage> WaitForAsync(this TestSmtpServer smtp, string recipient, string kind, Func<MimeMessage, bool>? also = null) =>
        smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, recipient, StringComparison.OrdinalIgnoreCase))
            && m.Headers["X-LearningNetwork-Kind"] == kind && (also is null || also(m)));

    /// <summary>The .ics attached to a session mail, as text.</summary>
    public static string Ics(this MimeMessage message)
    {
        var part = (MimePart)message.Attachments.Single(a => a.ContentType.MimeType == "text/calendar");
        using var copy = new MemoryStream();
        part.Content!.DecodeTo(copy);
        return Encoding.UTF8.GetString(copy.ToArray());
    }

    /// <summary>A property of the first VEVENT (SUMMARY, SEQUENCE, LOCATION), unfolded.</summary>
    public static string IcsValue(string ics, string name)
    {
        var unfolded = ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Replace("\n ", string.Empty, StringComparison.Ordinal);
        var line = unfolded.Split('\n').Select(l => l.TrimEnd('\r')).First(l => l.StartsWith(name + ":", StringComparison.Ordinal) || l.StartsWith(name + ";", StringComparison.Ordinal));
        return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Replace("\\,", ",", StringComparison.Ordinal).Replace("\\;", ";", StringComparison.Ordinal);
    }

    public static string Local(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static async Task<T> Typed<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldBe(expected);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
