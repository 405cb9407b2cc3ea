using System.Globalization;
using System.Text.Json;
using LearningNetwork.Testing;
using Npgsql;

namespace LearningNetwork.Benchmarks;

/// <summary>
/// The staff sessions page (a list of 50, as a signed-in person's browser asks for it) against the
/// one API call the page makes for it, with the same cookie, side by side in one run: what the web
/// UI adds to the API's work (its way to the API, the page's HTML).
/// </summary>
internal static class PageBenchmark
{
    private const int Sessions = 60;
    private const int WarmupRequests = 10000;

    public static async Task<(LoadResult Page, LoadResult Api)> RunAsync(string server, string database, string hostDll, int requests, int concurrency)
    {
        await using (var admin = NpgsqlDataSource.Create(server))
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE \"{database}\"");
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 20 }.ConnectionString;
        await using var host = await HostProcess.StartAsync(hostDll, new Dictionary<string, string>(BenchStaff.Bootstrap)
        {
            ["ConnectionStrings__LearningNetwork"] = connectionString,
            ["Database__MigrateOnStartup"] = "true",
            ["RateLimiting__LoginPermitsPerMinute"] = "100000",
            ["Email__Enabled"] = "false",
        });

        using var staff = new HttpClient { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        await BenchStaff.SignInAsync(staff);
        for (var i = 0; i < Sessions; i++)
        {
            await BenchStaff.PublishedSessionAsync(staff, $"Session {i}", capacity: 30, daysAhead: 30 + i);
        }

        // Signed in as a browser is: the auth cookie on every request, pages and API alike.
        using var browser = new HttpClient { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var signIn = await browser.PostAsJsonAsync("/api/auth/cookie-login", new { email = BenchStaff.Email, password = BenchStaff.Password });
        signIn.EnsureSuccessStatusCode();
        var cookie = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("LearningNetwork.Auth=", StringComparison.Ordinal));
        browser.DefaultRequestHeaders.Add("Cookie", cookie);

        var from = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // The page's list view asks for page 1 of 50 with its filters: exactly this call.
        var pagePath = $"/staff/sessions?from={from}";
        var apiPath = $"/api/sessions?from={from}&page=1&pageSize=50";
        // A browser keeps the antiforgery cookie the first page sets (for the page's forms) and sends it back.
        using (var first = await browser.GetAsync(pagePath))
        {
            first.EnsureSuccessStatusCode();
            var antiforgery = first.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
            browser.DefaultRequestHeaders.Remove("Cookie");
            browser.DefaultRequestHeaders.Add("Cookie", $"{cookie}; {antiforgery}");
        }

        await CheckSamePageAsync(browser, pagePath, apiPath);

        await Load.RunAsync(WarmupRequests, concurrency, async _ => await OkAsync(browser, pagePath));
        await Load.RunAsync(WarmupRequests, concurrency, async _ => await OkAsync(browser, apiPath));
        LoadResult? page = null, api = null;
        for (var round = 0; round < 2; round++)
        {
            // Each side goes first in one round.
            LoadResult p, a;
            if (round % 2 == 0)
            {
                p = await Load.RunAsync(requests, concurrency, async _ => await OkAsync(browser, pagePath));
                a = await Load.RunAsync(requests, concurrency, async _ => await OkAsync(browser, apiPath));
            }
            else
            {
                a = await Load.RunAsync(requests, concurrency, async _ => await OkAsync(browser, apiPath));
                p = await Load.RunAsync(requests, concurrency, async _ => await OkAsync(browser, pagePath));
            }

            Console.WriteLine($"staff sessions page round {round + 1}: page {p.PerSecond:0.0}/s, its API call {a.PerSecond:0.0}/s");
            page = page is null || p.PerSecond > page.PerSecond ? p : page;
            api = api is null || a.PerSecond > api.PerSecond ? a : api;
        }

        return (page!, api!);
    }

    /// <summary>The page is only measured if it shows what the API answers: every session's title.</summary>
    private static async Task CheckSamePageAsync(HttpClient browser, string pagePath, string apiPath)
    {
        var html = await browser.GetStringAsync(pagePath);
        var answer = await browser.GetFromJsonAsync<JsonElement>(apiPath);
        var titles = answer.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("title").GetString()!).ToList();
        if (titles.Count != 50 || titles.Any(t => !html.Contains($">{t}<", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"The staff sessions page does not show the {titles.Count} sessions its API call answers.");
        }
    }

    private static async Task<bool> OkAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        if (!response.IsSuccessStatusCode && FirstFailures.Shown.TryAdd(path, true))
        {
            Console.WriteLine($"FAILED GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response.IsSuccessStatusCode;
    }
}
