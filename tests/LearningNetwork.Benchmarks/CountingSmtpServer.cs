using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace LearningNetwork.Benchmarks;

/// <summary>A local SMTP server that accepts everything and counts messages per Message-ID (to catch duplicates).</summary>
internal sealed class CountingSmtpServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public CountingSmtpServer()
    {
        Port = HostProcess.FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentDictionary<string, int> ByMessageId { get; } = new();

    public int Received => ByMessageId.Values.Sum();

    public void Reset() => ByMessageId.Clear();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private sealed class Store(CountingSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            // Read just the Message-ID header; parsing whole messages would make the server the bottleneck.
            var head = System.Text.Encoding.ASCII.GetString(buffer.Slice(0, Math.Min(buffer.Length, 4096)).ToArray());
            var start = head.IndexOf("Message-Id: <", StringComparison.OrdinalIgnoreCase);
            var id = start < 0 ? Guid.NewGuid().ToString() : head[(start + 13)..head.IndexOf('>', start)];
            server.ByMessageId.AddOrUpdate(id, 1, (_, n) => n + 1);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
