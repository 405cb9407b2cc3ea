using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace LearningNetwork.Testing;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer package): the system under test talks SMTP to
/// it through MailKit exactly as to a production server. Tests read what arrived, make it refuse
/// mail (e.g. 451) or take it down for a while.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private CancellationTokenSource? _running;
    private Task _serverTask = Task.CompletedTask;

    public TestSmtpServer()
    {
        Port = FreePort();
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    /// <summary>When set, every message is answered with this reply instead of being accepted.</summary>
    public SmtpResponse? Refusal { get; set; }

    /// <summary>How long the server takes to accept each message (a slow relay).</summary>
    public TimeSpan AcceptDelay { get; set; }

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new CancellationTokenSource();
        var server = new SmtpServer.SmtpServer(options, services);
        _serverTask = server.StartAsync(_running.Token);
    }

    /// <summary>Stops listening, as an SMTP server that is down.</summary>
    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }

        await _running.CancelAsync();
        try
        {
            await _serverTask;
        }
        catch (OperationCanceledException)
        {
        }

        _running.Dispose();
        _running = null;
    }

    public IReadOnlyList<MimeMessage> To(string recipient) =>
        Messages.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, recipient, StringComparison.OrdinalIgnoreCase))).ToList();

    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        MimeMessage? found = null;
        await Eventually.TrueAsync(() => Task.FromResult((found = Messages.FirstOrDefault(match)) is not null), timeout ?? TimeSpan.FromSeconds(20), "the email did not arrive");
        return found!;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.Refusal is { } refusal)
            {
                return refusal;
            }

            if (server.AcceptDelay > TimeSpan.Zero)
            {
                await Task.Delay(server.AcceptDelay, cancellationToken);
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            server._messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
