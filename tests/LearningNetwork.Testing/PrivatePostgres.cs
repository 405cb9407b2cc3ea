using System.Diagnostics;

namespace LearningNetwork.Testing;

/// <summary>
/// A PostgreSQL cluster of a test's own, for fault tests that stop and restart it (the shared
/// test cluster must stay up for the other tests). Uses the same script as ./run.sh and ./test.sh.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _folder;

    private PrivatePostgres(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_folder, "data");

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("learningnetwork-fault-pg.").FullName;
        // The postgres user (as which the server runs under root) must be able to enter the folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var postgres = new PrivatePostgres(folder, HostProcess.FreePort());
        await postgres.StartServerAsync();
        return postgres;
    }

    public Task StartServerAsync() => ScriptAsync($"pg_cluster_start '{DataDirectory}' {Port} '-c fsync=off -c synchronous_commit=off'");

    public Task StopServerAsync() => ScriptAsync($"pg_cluster_stop '{DataDirectory}'");

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task ScriptAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", $"source scripts/postgres.sh && {command}"])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command}` failed ({process.ExitCode}): {errors}");
        }
    }
}
