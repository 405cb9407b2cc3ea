using System.Globalization;
using LearningNetwork.Testing;
using Npgsql;

namespace LearningNetwork.Benchmarks;

/// <summary>
/// The reads staff use every day, on an almost empty database and on one grown to the agency's size
/// after years of use, side by side in one run: two hosts, one per database, measured in alternating
/// rounds so that the machine's noise falls on both. A read that shows the same amount of data should
/// not grow with history it does not show.
/// </summary>
internal static class ReadsBenchmark
{

    /// <summary>What a read is: a name, its path on a given database, and the ratio it must stay under (none: shown for information).</summary>
    private sealed record Read(string Name, Func<Fixture, string> Path, double? MaxRatio);

    /// <summary>A database with its history, the host serving it, and the ids the reads use.</summary>
    private sealed record Fixture(HostProcess Host, HttpClient Http, HistorySize Size, string SessionWithParticipants, int Year);

    private static readonly Read[] Reads =
    [
        new("session list (upcoming, page of 50)", f => $"/api/sessions?from={DateTime.UtcNow:yyyy-MM-dd}&pageSize=50", 2),
        new("participants of a session", f => $"/api/sessions/{f.SessionWithParticipants}/enrollments", 2),
        new("manager search (one match, by email)", _ => "/api/cluster-managers?search=manager7%40history", 2),
        new("dashboard overview", _ => "/api/reports/overview", 2),
        new("send log, first page", _ => "/api/notifications?pageSize=50", 2),
        new("participation report (year)", f => $"/api/reports/participation?year={f.Year}", null),
        new("participation report CSV", f => $"/api/reports/participation.csv?year={f.Year}", null),
        new("participation report xlsx", f => $"/api/reports/participation.xlsx?year={f.Year}", null),
    ];

    public static async Task<List<string[]>> RunAsync(string server, string database, string hostDll, HistorySize small, HistorySize grown, int requests)
    {
        await using var empty = await StartAsync(server, database + "_small", hostDll, small);
        await using var full = await StartAsync(server, database + "_grown", hostDll, grown);
        Console.WriteLine($"reads: almost empty = {small}; grown = {grown}");
        var rows = new List<string[]>();
        foreach (var read in Reads)
        {
            // Warm both (JIT, plans, caches), then alternate two rounds a side; the better p50 of each counts.
            await MeasureAsync(empty.Fixture, read, requests / 4);
            await MeasureAsync(full.Fixture, read, requests / 4);
            LoadResult? a = null, b = null;
            for (var round = 0; round < 2; round++)
            {
                a = Better(a, await MeasureAsync(empty.Fixture, read, requests));
                b = Better(b, await MeasureAsync(full.Fixture, read, requests));
            }

            var ratio = b!.P50Ms / a!.P50Ms;
            rows.Add(
            [
                read.Name,
                a.P50Ms.ToString("0.0", CultureInfo.InvariantCulture),
                b.P50Ms.ToString("0.0", CultureInfo.InvariantCulture),
                ratio.ToString("0.0", CultureInfo.InvariantCulture) + "x",
                read.MaxRatio is { } max ? $"<= {max.ToString("0.#", CultureInfo.InvariantCulture)}x {(ratio <= max ? "ok" : "ABOVE")}" : "-",
                b.P99Ms.ToString("0.0", CultureInfo.InvariantCulture),
                $"{a.Failures}/{b.Failures}",
            ]);
            Console.WriteLine($"{read.Name}: p50 {a.P50Ms:0.0} ms almost empty, {b.P50Ms:0.0} ms grown");
        }

        var (emptyMemory, fullMemory) = (empty.Fixture.Host.MemoryMiB(), full.Fixture.Host.MemoryMiB());
        rows.Add(["host memory after the reads (MiB, current/peak)", $"{emptyMemory.Current:0}/{emptyMemory.Peak:0}", $"{fullMemory.Current:0}/{fullMemory.Peak:0}",
            $"+{fullMemory.Peak - emptyMemory.Peak:0} MiB", "-", "", ""]);
        return rows;
    }

    public static void Print(List<string[]> rows)
    {
        string[] header = ["read (staff, one at a time)", "p50 ms almost empty", "p50 ms grown", "ratio", "target", "p99 ms grown", "errors"];
        var all = rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
        {
            Console.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))));
        }
    }

    private static LoadResult Better(LoadResult? best, LoadResult round) => best is null || round.P50Ms < best.P50Ms ? round : best;

    private static async Task<LoadResult> MeasureAsync(Fixture fixture, Read read, int requests)
    {
        var path = read.Path(fixture);
        return await Load.RunAsync(requests, 1, async _ =>
        {
            using var response = await fixture.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            // The whole body is read: a streamed export is only done when its last byte arrived.
            await response.Content.CopyToAsync(Stream.Null);
            if (!response.IsSuccessStatusCode && FirstFailures.Shown.TryAdd(path, true))
            {
                Console.WriteLine($"FAILED GET {path}: {(int)response.StatusCode}");
            }

            return response.IsSuccessStatusCode;
        });
    }

    private static async Task<Running> StartAsync(string server, string database, string hostDll, HistorySize size)
    {
        await using (var admin = NpgsqlDataSource.Create(server))
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE \"{database}\"");
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 20 }.ConnectionString;
        var host = await HostProcess.StartAsync(hostDll, new Dictionary<string, string>(BenchStaff.Bootstrap)
        {
            ["ConnectionStrings__LearningNetwork"] = connectionString,
            ["Database__MigrateOnStartup"] = "true",
            ["RateLimiting__LoginPermitsPerMinute"] = "100000",
            ["Email__Enabled"] = "false",
        });
        var started = DateTime.UtcNow;
        await History.WriteAsync(connectionString, size);
        Console.WriteLine($"history written in {(DateTime.UtcNow - started).TotalSeconds:0.0} s: {size}");
        var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        await BenchStaff.SignInAsync(http);

        // A past session of this year with attendance, the same size in both databases.
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var query = data.CreateCommand("SELECT id FROM sessions.sessions WHERE ends_at < now() ORDER BY starts_at DESC LIMIT 1");
        var session = (Guid)(await query.ExecuteScalarAsync())!;
        return new Running(new Fixture(host, http, size, session.ToString(), DateTime.UtcNow.Year));
    }

    private sealed class Running(Fixture fixture) : IAsyncDisposable
    {
        public Fixture Fixture { get; } = fixture;

        public async ValueTask DisposeAsync()
        {
            Fixture.Http.Dispose();
            await Fixture.Host.DisposeAsync();
        }
    }
}
