using System.Globalization;
using System.Text;
using LearningNetwork.Benchmarks;
using LearningNetwork.Testing;
using Npgsql;

// Usage: ./bench.sh [--requests N] [--concurrency C] [--host-pool N] [--reminders N] [--announce N] [--reads N] [--pages N] [--only page|reminders|announce|reads]
// Needs LN_BENCH_PG (a PostgreSQL server connection string) and the host built in Release.
var requests = Option("--requests", 2000);
var concurrency = Option("--concurrency", 32);
// The host's application pool as the operations guide recommends for a small host (20): Npgsql
// hands out its idle connections oldest first, so a larger pool spreads a request's statements
// over more PostgreSQL backends, each cold in the CPU caches (measured: see docs/performance.md).
var hostPoolSize = Option("--host-pool", 20);
var server = Environment.GetEnvironmentVariable("LN_BENCH_PG") ?? throw new InvalidOperationException("Set LN_BENCH_PG (./bench.sh does).");
var hostDll = Environment.GetEnvironmentVariable("LN_BENCH_HOST_DLL") ?? throw new InvalidOperationException("Set LN_BENCH_HOST_DLL (./bench.sh does).");

var database = $"ln_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
await using (var admin = NpgsqlDataSource.Create(server))
{
    await using var create = admin.CreateCommand($"CREATE DATABASE \"{database}\"");
    await create.ExecuteNonQueryAsync();
}

var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 100 }.ConnectionString;
var rows = new List<string[]>();
var notes = new List<string>();
// `--only <scenario>` runs that one alone (the enrollment and download scenarios take minutes on two cores).
var only = OptionText("--only");
if (only is null)
{
    Dictionary<string, string> HostSettings(bool telemetry) => new(BenchStaff.Bootstrap)
    {
        ["ConnectionStrings__LearningNetwork"] = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = hostPoolSize }.ConnectionString,
        ["Database__MigrateOnStartup"] = "true",
        ["RateLimiting__LoginPermitsPerMinute"] = "100000",
        ["Email__Enabled"] = "false",
        // On: traces and metrics recorded in the process (the SDK's listeners, the Prometheus
        // reader), nothing exported (no OTLP endpoint, nobody scrapes). Off: none of it.
        ["Telemetry__Enabled"] = telemetry ? "true" : "false",
    };

    // The system as shipped (telemetry on) and a second host on the same database with telemetry
    // off, measured in alternating rounds of the same run: the cost of telemetry, side by side.
    await using (var host = await HostProcess.StartAsync(hostDll, HostSettings(telemetry: true)))
    await using (var hostOff = await HostProcess.StartAsync(hostDll, HostSettings(telemetry: false)))
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        await BenchStaff.SignInAsync(http);
        // The hosts share their data protection keys: the token is good on both.
        using var httpOff = new HttpClient { BaseAddress = new Uri(hostOff.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        httpOff.DefaultRequestHeaders.Authorization = http.DefaultRequestHeaders.Authorization;

        Console.WriteLine($"Preparing {requests} managers...");
        var managers = await CreateManagersAsync(http, requests + Warmup.Enrollments, connectionString);

        // The import makes the host create accounts and invitations in the background: let that
        // finish, so neither measurement competes with it for the two cores.
        await WaitForQuietAsync(connectionString);
        var (bareApp, bareUrl) = await BareEndpoints.StartAsync(connectionString);
        using var bareHttp = new HttpClient { BaseAddress = new Uri(bareUrl) };

        // Session list: a page of 50 sessions (with seat counts and materials) as staff see it,
        // against the bare endpoint's same statements; warm, then the better of two rounds each.
        for (var i = 0; i < 60; i++)
        {
            await HotSessionAsync(http, 30);
        }

        var from = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Warm-up long enough for the JIT's tiering to reach its optimised code on both sides (the
        // host has far more code to compile than the bare endpoint; a short warm-up measured that).
        await Load.RunAsync(Warmup.ListRequests, concurrency, async _ => await Succeeded(await http.GetAsync($"/api/sessions?from={from}&pageSize=50")));
        await Load.RunAsync(Warmup.ListRequests, concurrency, async _ => await Succeeded(await httpOff.GetAsync($"/api/sessions?from={from}&pageSize=50")));
        await Load.RunAsync(Warmup.ListRequests, concurrency, async _ => await Succeeded(await bareHttp.GetAsync($"/bare/sessions?from={from}")));
        await Load.RunAsync(Warmup.ListRequests, concurrency, async _ => await Succeeded(await bareHttp.GetAsync($"/bare/sessions-one-statement?from={from}")));
        // The one-statement baseline is only a baseline if it answers the same: compared once, value for value.
        await WaitForQuietAsync(connectionString);
        var systemPage = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync($"/api/sessions?from={from}&pageSize=50"));
        var onePage = System.Text.Json.Nodes.JsonNode.Parse(await bareHttp.GetStringAsync($"/bare/sessions-one-statement?from={from}"));
        if (!System.Text.Json.Nodes.JsonNode.DeepEquals(systemPage, onePage))
        {
            throw new InvalidOperationException($"The one-statement baseline answers differently from GET /api/sessions:\n{systemPage?["items"]?[0]}\n{onePage?["items"]?[0]}");
        }

        LoadResult? listSystem = null, listOff = null, listBare = null, listOne = null;
        for (var round = 0; round < 2; round++)
        {
            var b = await Load.RunAsync(requests, concurrency, async _ => await Succeeded(await bareHttp.GetAsync($"/bare/sessions?from={from}")));
            var one = await Load.RunAsync(requests, concurrency, async _ => await Succeeded(await bareHttp.GetAsync($"/bare/sessions-one-statement?from={from}")));
            // On and off take turns at going first, so neither always follows the same thing.
            Task<LoadResult> ListAsync(HttpClient client) => Load.RunAsync(requests, concurrency, async _ => await Succeeded(await client.GetAsync($"/api/sessions?from={from}&pageSize=50")));
            LoadResult sys, off;
            if (round % 2 == 0)
            {
                sys = await ListAsync(http);
                off = await ListAsync(httpOff);
            }
            else
            {
                off = await ListAsync(httpOff);
                sys = await ListAsync(http);
            }

            Console.WriteLine($"session list round {round + 1}: system {sys.PerSecond:0.0}/s, telemetry off {off.PerSecond:0.0}/s, bare {b.PerSecond:0.0}/s, bare in one statement {one.PerSecond:0.0}/s");
            listBare = Better(listBare, b);
            listOne = Better(listOne, one);
            listSystem = Better(listSystem, sys);
            listOff = Better(listOff, off);
        }

        rows.Add(Row("session list requests/s", listSystem!, listBare!, 0.7));
        rows.Add(Row("  the same, telemetry off", listOff!, listBare!, 0.7));
        rows.Add(Row("  telemetry on against off (system / system)", listSystem!, listOff!, null));
        rows.Add(Row("  against one hand-written statement", listSystem!, listOne!, 0.5));

        // Warm-up rounds of Warmup.Enrollments, each on a fresh hot session with the same managers,
        // at the measured concurrency. The host's tiered JIT was measured to keep compiling for
        // several such rounds, at a multiple of its settled CPU per request (docs/performance.md,
        // "How the benchmark measures"); the bare endpoints have far less code to compile. Every path gets the same.
        async Task WarmEnrollmentsAsync(string name, Func<string, (HttpClient Client, string Path)> endpoint)
        {
            LoadResult? last = null;
            for (var round = 0; round < Warmup.EnrollmentRounds; round++)
            {
                var (client, path) = endpoint(await HotSessionAsync(http, Warmup.Enrollments / 2));
                last = await Load.RunAsync(Warmup.Enrollments, concurrency, async i =>
                    (await client.PostAsJsonAsync(path, new { clusterManagerId = managers[requests + i] })).IsSuccessStatusCode);
            }

            Console.WriteLine($"warm-up {name}: {Warmup.EnrollmentRounds} rounds of {Warmup.Enrollments} enrollments, last {last!.PerSecond:0.0}/s");
        }

        // Warm every path (JIT, pools) on hot sessions of their own, then measure each on fresh hot
        // sessions, alternating, twice; the better round of each counts (this machine is shared and noisy).
        await WarmEnrollmentsAsync("system", session => (http, $"/api/sessions/{session}/enrollments"));
        await WarmEnrollmentsAsync("system, telemetry off", session => (httpOff, $"/api/sessions/{session}/enrollments"));
        await WarmEnrollmentsAsync("bare", session => (bareHttp, $"/bare/sessions/{session}/enrollments"));
        await WarmEnrollmentsAsync("bare with the queue", session => (bareHttp, $"/bare/sessions/{session}/enrollments-queued"));

        LoadResult? bare = null, queued = null, system = null, systemOff = null;
        var sessions = new List<string>();
        for (var round = 0; round < 2; round++)
        {
            var bareSession = await HotSessionAsync(http, requests / 2);
            var queuedSession = await HotSessionAsync(http, requests / 2);
            var session = await HotSessionAsync(http, requests / 2);
            var offSession = await HotSessionAsync(http, requests / 2);
            await WaitForQuietAsync(connectionString);
            var b = await Load.RunAsync(requests, concurrency, async i =>
                (await bareHttp.PostAsJsonAsync($"/bare/sessions/{bareSession}/enrollments", new { clusterManagerId = managers[i] })).IsSuccessStatusCode);
            var q = await Load.RunAsync(requests, concurrency, async i =>
                (await bareHttp.PostAsJsonAsync($"/bare/sessions/{queuedSession}/enrollments-queued", new { clusterManagerId = managers[i] })).IsSuccessStatusCode);
            // Telemetry on and off take turns at going first.
            async Task<LoadResult> EnrollAsync(HttpClient client, string hot)
            {
                await WaitForQuietAsync(connectionString);
                return await Load.RunAsync(requests, concurrency, async i =>
                    (await client.PostAsJsonAsync($"/api/sessions/{hot}/enrollments", new { clusterManagerId = managers[i] })).IsSuccessStatusCode);
            }

            LoadResult sys, off;
            if (round % 2 == 0)
            {
                sys = await EnrollAsync(http, session);
                off = await EnrollAsync(httpOff, offSession);
            }
            else
            {
                off = await EnrollAsync(httpOff, offSession);
                sys = await EnrollAsync(http, session);
            }

            Console.WriteLine($"round {round + 1}: system {sys.PerSecond:0.0}/s, telemetry off {off.PerSecond:0.0}/s, bare {b.PerSecond:0.0}/s, bare with the per-session queue {q.PerSecond:0.0}/s");
            (bare, queued, system, systemOff) = (Better(bare, b), Better(queued, q), Better(system, sys), Better(systemOff, off));
            sessions.Add(session);
            sessions.Add(offSession);
        }

        await bareApp.StopAsync();

        rows.Add(Row("hot-session enrollments/s", system!, bare!, 0.6));
        // For information (no target): the same against a baseline that also queues per session.
        rows.Add(Row("  vs bare with the system's queue", system!, queued!, null));
        rows.Add(Row("  the same, telemetry off", systemOff!, bare!, 0.6));
        rows.Add(Row("  telemetry on against off (system / system)", system!, systemOff!, null));

        var (baseline, peak, seconds) = await DownloadBenchmark.RunAsync(http, host, 50);
        notes.Add($"50 MB download in {seconds:0.0} s: host memory {baseline:0} MiB idle, {peak:0} MiB at peak, growth {peak - baseline:0.0} MiB (target < 10) {(peak - baseline < 10 ? "ok" : "ABOVE")}");
        var memory = host.MemoryMiB();
        notes.Add($"host peak memory over the whole run (VmHWM): {memory.Peak:0} MiB; the host with telemetry off: {hostOff.MemoryMiB().Peak:0} MiB (no download)");
        foreach (var session in sessions)
        {
            await VerifyNoOverbookingAsync(connectionString, session, requests / 2);
        }
    }
}

// The staff sessions page against the one API call it makes, on a host of its own (--pages 0 skips it).
var pageRequests = Option("--pages", requests);
if (pageRequests > 0 && only is null or "page")
{
    Console.WriteLine("Staff sessions page against its API call...");
    var (page, api) = await PageBenchmark.RunAsync(server, database + "_page", hostDll, pageRequests, concurrency);
    rows.Add(Row("staff sessions page requests/s, against the API call it makes", page, api, 0.8));
}

// Reminders: a second host on its own database, sending to a local SMTP sink (--reminders 0 skips it).
var reminders = Option("--reminders", 10000);
if (reminders > 0 && only is null or "reminders")
{
    Console.WriteLine($"Sending {reminders} reminders through the host and through a plain MailKit loop...");
    var (system, plain) = await ReminderBenchmark.RunAsync(server, database + "_mail", hostDll, reminders);
    rows.Add(Row("reminders delivered/s", system, plain, 0.3));
}

// Announcing one session to every manager (--announce 0 skips it).
var announced = Option("--announce", 1500);
if (announced > 0 && only is null or "announce")
{
    Console.WriteLine($"Announcing a session to {announced} managers, beside a plain MailKit loop...");
    var (system, plain, returned) = await AnnouncementBenchmark.RunAsync(server, database + "_announce", hostDll, announced);
    rows.Add(Row($"announcement to {announced:N0} managers delivered/s", system, plain, 0.3));
    notes.Add($"announcement to {announced:N0} managers: the request returned in {returned.TotalMilliseconds:0} ms, the last email was accepted after {system.Elapsed.TotalSeconds:0.0} s");
}

// The daily reads on an almost empty database against one grown to years of use (--reads 0 skips it).
var readRequests = Option("--reads", 200);
List<string[]>? readRows = null;
if (readRequests > 0 && only is null or "reads")
{
    var grown = new HistorySize(Option("--grown-clusters", 1500), Option("--grown-managers", 1500), Option("--grown-sessions", 3000), Option("--grown-per-session", 20), Option("--grown-emails", 200000));
    readRows = await ReadsBenchmark.RunAsync(server, database, hostDll, new HistorySize(5, Math.Max(40, 2 * grown.EnrollmentsPerSession), 10, grown.EnrollmentsPerSession, 600), grown, readRequests);
}

Print(rows);
notes.ForEach(Console.WriteLine);
if (readRows is not null)
{
    Console.WriteLine();
    ReadsBenchmark.Print(readRows);
}

return 0;

// A failed request counts as an error in the table; the first one of each kind is shown, so an
// error rate is never mistaken for speed.
static async Task<bool> Succeeded(HttpResponseMessage response)
{
    if (response.IsSuccessStatusCode)
    {
        return true;
    }

    if (FirstFailures.Shown.TryAdd(response.RequestMessage!.RequestUri!.AbsolutePath, true))
    {
        Console.WriteLine($"FAILED {response.RequestMessage.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    return false;
}

// The better of two rounds counts (this machine is shared and noisy).
static LoadResult Better(LoadResult? best, LoadResult round) => best is null || round.PerSecond > best.PerSecond ? round : best;

static string[] Row(string name, LoadResult system, LoadResult bare, double? target)
{
    var ratio = system.PerSecond / bare.PerSecond;
    return
    [
        name,
        system.PerSecond.ToString("0.0", CultureInfo.InvariantCulture),
        bare.PerSecond.ToString("0.0", CultureInfo.InvariantCulture),
        ratio.ToString("0.00", CultureInfo.InvariantCulture),
        target?.ToString("0.0#", CultureInfo.InvariantCulture) ?? "-",
        target is null ? "" : ratio >= target ? "ok" : "BELOW",
        $"{system.P50Ms:0.0}/{system.P99Ms:0.0}",
        $"{bare.P50Ms:0.0}/{bare.P99Ms:0.0}",
        $"{system.Failures}/{bare.Failures}",
    ];
}

static void Print(List<string[]> rows)
{
    string[] header = ["measure", "system", "bare", "ratio", "target", "", "system p50/p99 ms", "bare p50/p99 ms", "errors"];
    var all = rows.Prepend(header).ToList();
    var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
    foreach (var row in all)
    {
        Console.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))));
    }
}

static async Task<List<Guid>> CreateManagersAsync(HttpClient http, int count, string connectionString)
{
    var cluster = $"Bench cluster {Guid.NewGuid():N}";
    (await http.PostAsJsonAsync("/api/clusters", new { name = cluster, type = "SpearheadCluster" })).EnsureSuccessStatusCode();
    var csv = new StringBuilder("cluster;fullName;email;preferredLanguage\n");
    var tag = Guid.NewGuid().ToString("N")[..8];
    for (var i = 0; i < count; i++)
    {
        csv.Append(CultureInfo.InvariantCulture, $"{cluster};Bench Manager {i};b{i}.{tag}@bench.example;nl\n");
    }

    (await http.PostAsync("/api/cluster-managers/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
    await using var data = NpgsqlDataSource.Create(connectionString);
    await using var query = data.CreateCommand($"SELECT id FROM cluster_managers.managers WHERE email LIKE '%.{tag}@bench.example' ORDER BY email");
    var ids = new List<Guid>();
    await using var reader = await query.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        ids.Add(reader.GetGuid(0));
    }

    return ids;
}

static async Task WaitForQuietAsync(string connectionString)
{
    await using var data = NpgsqlDataSource.Create(connectionString);
    string[] outboxes = ["cluster_managers", "accounts", "sessions", "enrollments", "notifications"];
    var sql = string.Join(" + ", outboxes.Select(s => $"(SELECT count(*) FROM {s}.outbox_messages WHERE processed_at IS NULL AND failed_at IS NULL)"));
    for (var i = 0; i < 600; i++)
    {
        await using var query = data.CreateCommand($"SELECT {sql}");
        if ((long)(await query.ExecuteScalarAsync())! == 0)
        {
            return;
        }

        await Task.Delay(500);
    }
}

static Task<string> HotSessionAsync(HttpClient http, int capacity) => BenchStaff.PublishedSessionAsync(http, "Hot session", capacity);

static async Task VerifyNoOverbookingAsync(string connectionString, string sessionId, int capacity)
{
    await using var data = NpgsqlDataSource.Create(connectionString);
    await using var query = data.CreateCommand($"SELECT count(*) FROM enrollments.enrollments WHERE session_id = '{sessionId}' AND status = 'Confirmed'");
    var confirmed = (long)(await query.ExecuteScalarAsync())!;
    Console.WriteLine($"check: {confirmed} confirmed for {capacity} seats {(confirmed == capacity ? "(exact)" : "(WRONG)")}");
}

int Option(string name, int fallback) => OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

/// <summary>How much each path runs before it is measured: enough for the host's JIT to settle.</summary>
internal static class Warmup
{
    /// <summary>Session list requests on each side.</summary>
    public const int ListRequests = 3000;

    /// <summary>Enrollments per warm-up round (on a fresh session, so the same managers serve every round).</summary>
    public const int Enrollments = 400;

    /// <summary>Warm-up rounds of every enrollment path: 4,000 enrollments each.</summary>
    public const int EnrollmentRounds = 10;
}

internal static class FirstFailures
{
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Shown = new();
}
