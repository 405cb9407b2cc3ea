using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace LearningNetwork.Benchmarks;

/// <summary>The real host, started as its own process (as in production), with its peak memory read from /proc.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int Pid => _process.Id;

    public static async Task<HostProcess> StartAsync(string hostDll, IDictionary<string, string> environment)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [hostDll])
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the host.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[host] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, $"http://127.0.0.1:{port}");
        using var client = new HttpClient();
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await client.GetAsync($"{host.BaseUrl}/health/ready")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode}.");
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The host did not become ready.");
    }

    /// <summary>Resident set size now and at its peak (VmRSS, VmHWM), in MiB.</summary>
    public (double Current, double Peak) MemoryMiB() => ReadMemory(_process.Id);

    public static (double Current, double Peak) ReadMemory(int pid)
    {
        double current = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                current = Kb(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kb(line) / 1024.0;
            }
        }

        return (current, peak);

        static double Kb(string line) => double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
