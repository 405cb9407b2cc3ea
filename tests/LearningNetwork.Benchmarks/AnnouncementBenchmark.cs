using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LearningNetwork.Testing;
using Npgsql;

namespace LearningNetwork.Benchmarks;

/// <summary>
/// Staff announce one session to every manager (1,500 by default): how long until the request
/// returns, and until the SMTP sink has accepted the last announcement, against a plain MailKit loop
/// sending as many comparable messages to the same sink in the same run.
/// </summary>
internal static class AnnouncementBenchmark
{
    public static async Task<(LoadResult System, LoadResult Plain, TimeSpan Returned)> RunAsync(string server, string database, string hostDll, int managers)
    {
        await using (var admin = NpgsqlDataSource.Create(server))
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE \"{database}\"");
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        await using var smtp = new SmtpSink();
        smtp.Start();
        await using var host = await HostProcess.StartAsync(hostDll, new Dictionary<string, string>(BenchStaff.Bootstrap)
        {
            ["ConnectionStrings__LearningNetwork"] = connectionString,
            ["Database__MigrateOnStartup"] = "true",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__PollIntervalMilliseconds"] = "200",
        });
        // Managers straight into the directory (no invitations in flight while measuring).
        await History.WriteAsync(connectionString, new HistorySize(Clusters: 100, Managers: managers, Sessions: 0, EnrollmentsPerSession: 0, Emails: 0));
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        await BenchStaff.SignInAsync(http);
        // Warm the path once (JIT, the EF model, the data-protection key ring) with a session
        // announced to one small cluster, as a host that has run a while would be.
        var warmSession = await BenchStaff.PublishedSessionAsync(http, "Warm-up session", capacity: 40);
        var warm = await (await http.PostAsJsonAsync($"/api/sessions/{warmSession}/announce",
            new { audience = new { clusterIds = new[] { History.ClusterId(1) } } })).Content.ReadFromJsonAsync<JsonElement>();
        var warmCount = warm.GetProperty("recipients").GetInt32();
        while (smtp.Received < warmCount)
        {
            await Task.Delay(50);
        }

        smtp.Clear();
        var session = await BenchStaff.PublishedSessionAsync(http, "Announced session", capacity: 40);

        var plain = await ReminderBenchmark.PlainLoopAsync(smtp, managers);
        smtp.Clear();

        var watch = Stopwatch.StartNew();
        var answer = await http.PostAsJsonAsync($"/api/sessions/{session}/announce", new { note = "Bench announcement" });
        var returned = watch.Elapsed;
        answer.EnsureSuccessStatusCode();
        var queued = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recipients").GetInt32();
        while (smtp.Received < managers && watch.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(50);
        }

        watch.Stop();
        var duplicates = smtp.CountByMessageId().Values.Count(n => n > 1);
        Console.WriteLine($"check: {queued} announcements queued, {smtp.Received} received by SMTP for {managers} managers, {duplicates} duplicate Message-IDs");
        return (new LoadResult(managers, managers - smtp.Received, watch.Elapsed, returned.TotalMilliseconds, 0), plain, returned);
    }
}
