using System.Diagnostics;

namespace LearningNetwork.Benchmarks;

internal sealed record LoadResult(int Requests, int Failures, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;
}

/// <summary>Runs requests with a fixed number of concurrent callers and records each latency.</summary>
internal static class Load
{
    public static async Task<LoadResult> RunAsync(int requests, int concurrency, Func<int, Task<bool>> request)
    {
        var latencies = new double[requests];
        var failures = 0;
        var next = -1;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await request(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        total.Stop();
        Array.Sort(latencies);
        return new LoadResult(requests, failures, total.Elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
