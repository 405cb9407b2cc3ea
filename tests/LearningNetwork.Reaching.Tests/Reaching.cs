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

    public sealed record Audience(
        IReadOnlyList<string>? ClusterTypes = null, IReadOnlyList<Guid>? ClusterIds = null, string? FundingStatus = null, Guid? LearningNetworkId = null);

    public sealed record Announcement(Audience? Audience = null, string? Note = null);

    public sealed record Announced(int Recipients, bool DryRun);

    public sealed record Preferences(string PreferredLanguage, bool Announcements);

    public sealed record NewCluster(string Name, string Type, DateOnly? FundingStart = null, DateOnly? FundingEnd = null);

    public sealed record Cluster(Guid Id, string Name, string Type);

    public static async Task<Announced> AnnounceAsync(this HttpClient staff, Guid sessionId, Announcement announcement, bool dryRun = false) =>
        await (await staff.PostAsJsonAsync($"/api/sessions/{sessionId}/announce" + (dryRun ? "?dryRun=true" : ""), announcement))
            .Typed<Announced>(dryRun ? HttpStatusCode.OK : HttpStatusCode.Accepted);

    /// <summary>A cluster of this type and funding period with <paramref name="count"/> managers (one CSV import); their ids in file order.</summary>
    public static async Task<(Cluster Cluster, IReadOnlyList<Guid> Managers)> ClusterWithManagersAsync(
        this LearningNetworkApp app, HttpClient staff, NewCluster cluster, int count, string language = "nl")
    {
        var created = await (await staff.PostAsJsonAsync("/api/clusters", cluster)).Typed<Cluster>(HttpStatusCode.Created);
        return (created, await app.AddManagersAsync(staff, created, count, language));
    }

    /// <summary>More managers in an existing cluster (one CSV import); their ids in file order.</summary>
    public static async Task<IReadOnlyList<Guid>> AddManagersAsync(this LearningNetworkApp app, HttpClient staff, Cluster cluster, int count, string language = "nl")
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var csv = new StringBuilder("cluster,fullName,email,preferredLanguage\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{cluster.Name},Manager {tag} {i},m{i}.{tag}@managers.example,{language}\n");
        }

        await (await staff.PostAsync("/api/cluster-managers/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).ShouldBe(HttpStatusCode.OK);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await app.Database.ScalarAsync<Guid>("SELECT id FROM cluster_managers.managers WHERE email = @e", ("e", $"m{i}.{tag}@managers.example")));
        }

        return ids;
    }

    public static Task<Guid> ClusterOfAsync(this LearningNetworkApp app, Guid clusterManagerId) =>
        app.Database.ScalarAsync<Guid>("SELECT cluster_id FROM cluster_managers.managers WHERE id = @id", ("id", clusterManagerId));

    public static Task<bool> WantsAnnouncementsAsync(this LearningNetworkApp app, Guid clusterManagerId) =>
        app.Database.ScalarAsync<bool>("SELECT announcements FROM cluster_managers.managers WHERE id = @id", ("id", clusterManagerId));

    public static string Local(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static async Task<T> Typed<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldBe(expected);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
