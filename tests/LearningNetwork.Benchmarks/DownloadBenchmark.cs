using System.Net.Http.Headers;
using System.Text.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Benchmarks;

/// <summary>
/// Uploads a 50 MB guideline, then downloads it while sampling the host's resident memory: the
/// growth over the idle level shows whether the file is streamed (target: under 10 MB).
/// </summary>
internal static class DownloadBenchmark
{
    public static async Task<(double BaselineMiB, double PeakMiB, double Seconds)> RunAsync(HttpClient http, HostProcess host, int megabytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ln-bench-{Guid.NewGuid():N}.pdf");
        await using (var file = File.Create(path))
        {
            await file.WriteAsync("%PDF-1.7\n"u8.ToArray());
            var block = new byte[1024 * 1024];
            Random.Shared.NextBytes(block);
            for (var i = 0; i < megabytes; i++)
            {
                await file.WriteAsync(block.AsMemory(0, i == megabytes - 1 ? block.Length - 9 : block.Length));
            }
        }

        string id;
        await using (var upload = File.OpenRead(path))
        {
            using var form = new MultipartFormDataContent();
            var content = new StreamContent(upload);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "file", "groot.pdf");
            form.Add(new StringContent("Benchmark"), "title");
            form.Add(new StringContent("Bench"), "category");
            form.Add(new StringContent("nl"), "language");
            var created = await http.PostAsync("/api/guidelines", form);
            created.EnsureSuccessStatusCode();
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        File.Delete(path);
        await Task.Delay(3000); // let the upload's buffers settle before taking the idle level
        var baseline = Enumerable.Range(0, 10).Select(_ => { Thread.Sleep(100); return host.MemoryMiB().Current; }).Average();
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, host.MemoryMiB().Current);
                await Task.Delay(20);
            }
        });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using (var response = await http.GetAsync($"/api/guidelines/{id}/download", HttpCompletionOption.ResponseHeadersRead))
        {
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.CopyToAsync(Stream.Null);
        }

        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        return (baseline, peak, watch.Elapsed.TotalSeconds);
    }
}
