using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LearningNetwork.Testing;

/// <summary>
/// The real host started as its own OS process, as in production: configured through environment
/// variables, stopped for good with <see cref="KillAsync"/> (SIGKILL, no shutdown code runs). Used by
/// the crash tests and by the benchmark harness (which links this file).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int Pid => _process.Id;

    /// <summary>
    /// The host built beside these tests: src/Host/LearningNetwork.Host/bin/{configuration}/{framework}/,
    /// found from the solution folder, with the configuration and framework this assembly was built for.
    /// </summary>
    public static string BuiltHostDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var dll = Path.Combine(Repository.Root, "src", "Host", "LearningNetwork.Host", "bin", configuration, framework, "LearningNetwork.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The host is not built ({configuration}, {framework}): build the solution first.", dll);
    }

    /// <summary>Starts the host and waits until /health/ready answers; <paramref name="log"/> gets its output lines.</summary>
    public static async Task<HostProcess> StartAsync(string hostDll, IDictionary<string, string> environment, Action<string>? log = null)
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
        // What production must set (docs/operations.md, "Security and privacy"); the tests' SMTP
        // server listens on loopback without TLS.
        info.Environment["DataProtection__CertificatePath"] = DataProtectionCertificate.Path;
        info.Environment["DataProtection__CertificatePassword"] = DataProtectionCertificate.Password;
        info.Environment["Smtp__AllowUnencrypted"] = "true";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the host.");
        log ??= line => Console.Error.WriteLine($"[host {process.Id}] {line}");
        // Logs (JSON lines, warnings and up unless configured) come on stdout, crashes on stderr.
        DataReceivedEventHandler forward = (_, e) =>
        {
            if (e.Data is not null)
            {
                log(e.Data);
            }
        };
        process.OutputDataReceived += forward;
        process.ErrorDataReceived += forward;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, $"http://127.0.0.1:{port}");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await client.GetAsync($"{host.BaseUrl}/health/ready")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode}.");
            }

            await Task.Delay(500);
        }

        await host.DisposeAsync();
        throw new TimeoutException("The host did not become ready.");
    }

    /// <summary>SIGKILL, as a crash or an out-of-memory kill: no shutdown code runs, open connections just break.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Resident set size now and at its peak (VmRSS, VmHWM), in MiB.</summary>
    public (double Current, double Peak) MemoryMiB()
    {
        double current = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
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
        await KillAsync();
        _process.Dispose();
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>
/// A throwaway self-signed certificate (PKCS#12 file) to encrypt the data protection keys with,
/// as every host outside Development must: made once per test run, shared by its hosts.
/// </summary>
public static class DataProtectionCertificate
{
    public const string Password = "test-certificate-password";

    private static readonly Lazy<string> File = new(Create);

    public static string Path => File.Value;

    private static string Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ln-test-dp-{Environment.ProcessId}.pfx");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=LearningNetwork data protection (test run)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.File.Delete(path);
        return path;
    }
}
