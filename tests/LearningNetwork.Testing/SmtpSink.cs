using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LearningNetwork.Testing;

/// <summary>One message as the sink received it: its Message-ID and the RCPT TO addresses.</summary>
public sealed record SmtpDelivery(string MessageId, IReadOnlyList<string> Recipients);

/// <summary>
/// A minimal SMTP server on loopback, on raw sockets, for load and crash tests where what matters
/// is how often each email arrived: it accepts every message and keeps only its Message-ID and
/// recipients (no MIME parsing, so it is never the bottleneck). Nagle's algorithm is off: the
/// SmtpServer package's listener leaves it on, and a reply held back for the client's delayed ACK
/// then costs a wait on every message (docs/performance.md, "Emails"). <see cref="ReplyDelay"/> makes it a slow server.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<SmtpDelivery> _deliveries = new();
    private readonly ConcurrentDictionary<Socket, Task> _sessions = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _running;
    private Task _accepting = Task.CompletedTask;
    private int _held;
    private volatile TaskCompletionSource _answers = Answering();

    public SmtpSink()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    /// <summary>
    /// How long each message waits, stored, for its 250 reply: a slow server. A sender that dies in
    /// that window has delivered the message without knowing it (outcome unknown).
    /// </summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>
    /// From now on each stored message waits for <see cref="AnswerAgain"/> before its 250 reply: a
    /// test can then act (kill the sender) while a message is in exactly that window.
    /// </summary>
    public void HoldAnswers() => _answers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void AnswerAgain() => _answers.TrySetResult();

    public IReadOnlyList<SmtpDelivery> Deliveries => [.. _deliveries];

    public int Received => _deliveries.Count;

    /// <summary>Messages stored whose reply <see cref="HoldAnswers"/> is holding back right now.</summary>
    public int Held => Volatile.Read(ref _held);

    public Dictionary<string, int> CountByMessageId() =>
        Deliveries.GroupBy(d => d.MessageId).ToDictionary(g => g.Key, g => g.Count());

    public void Clear() => _deliveries.Clear();

    public void Start()
    {
        _running = new CancellationTokenSource();
        var listener = new TcpListener(IPAddress.Loopback, Port);
        // Accepted sockets inherit it (Linux): every reply goes out at once.
        listener.Server.NoDelay = true;
        listener.Start();
        _listener = listener;
        _accepting = AcceptAsync(listener, _running.Token);
    }

    /// <summary>Stops listening and drops every open connection, as a server that went down.</summary>
    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }

        await _running.CancelAsync();
        _listener!.Stop();
        foreach (var socket in _sessions.Keys)
        {
            socket.Dispose();
        }

        await _accepting;
        await Task.WhenAll(_sessions.Values);
        _running.Dispose();
        _running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AcceptAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            // Registered before it runs, so a session that ends at once is not left behind in the list.
            var session = new Task<Task>(() => ServeQuietlyAsync(socket, stopping));
            _sessions[socket] = session.Unwrap();
            session.Start(TaskScheduler.Default);
        }
    }

    private async Task ServeQuietlyAsync(Socket socket, CancellationToken stopping)
    {
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            await ServeAsync(stream, stopping);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (or was killed), or the sink is stopping.
        }
        finally
        {
            _sessions.TryRemove(socket, out _);
        }
    }

    private async Task ServeAsync(NetworkStream stream, CancellationToken stopping)
    {
        // Latin-1 maps bytes to chars one to one: 8-bit headers pass through unharmed.
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        await ReplyAsync(stream, "220 localhost SMTP sink", stopping);
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(stopping) is { } line)
        {
            var verb = (line.Length > 4 ? line[..4] : line).ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await ReplyAsync(stream, "250-localhost\r\n250-PIPELINING\r\n250 8BITMIME", stopping);
                    break;
                case "MAIL" or "RSET":
                    recipients.Clear();
                    await ReplyAsync(stream, "250 OK", stopping);
                    break;
                case "RCPT":
                    recipients.Add(AddressIn(line));
                    await ReplyAsync(stream, "250 OK", stopping);
                    break;
                case "DATA":
                    await ReplyAsync(stream, "354 End data with <CR><LF>.<CR><LF>", stopping);
                    await ReceiveAsync(stream, reader, [.. recipients], stopping);
                    break;
                case "QUIT":
                    await ReplyAsync(stream, "221 Bye", stopping);
                    return;
                case "HELO" or "NOOP":
                    await ReplyAsync(stream, "250 OK", stopping);
                    break;
                default:
                    await ReplyAsync(stream, "502 Not implemented", stopping);
                    break;
            }
        }
    }

    private async Task ReceiveAsync(NetworkStream stream, StreamReader reader, string[] recipients, CancellationToken stopping)
    {
        var messageId = await ReadMessageIdAsync(reader, stopping);
        _deliveries.Enqueue(new SmtpDelivery(messageId, recipients));
        var answers = _answers.Task;
        if (!answers.IsCompleted)
        {
            Interlocked.Increment(ref _held);
            try
            {
                await answers.WaitAsync(stopping);
            }
            finally
            {
                Interlocked.Decrement(ref _held);
            }
        }

        if (ReplyDelay > TimeSpan.Zero)
        {
            await Task.Delay(ReplyDelay, stopping);
        }

        await ReplyAsync(stream, "250 OK queued", stopping);
    }

    /// <summary>Reads the message up to the lone "." and returns its Message-ID (unfolded, without the angle brackets).</summary>
    private static async Task<string> ReadMessageIdAsync(StreamReader reader, CancellationToken stopping)
    {
        string? messageId = null;
        var inHeaders = true;
        var previous = "";
        while (await reader.ReadLineAsync(stopping) is { } line)
        {
            if (line == ".")
            {
                break;
            }

            if (!inHeaders)
            {
                continue;
            }

            if (line.Length == 0)
            {
                inHeaders = false;
            }
            else if (line[0] is ' ' or '\t')
            {
                previous += line; // a folded header goes on
                continue;
            }

            messageId ??= MessageIdIn(previous);
            previous = line;
        }

        return messageId ?? MessageIdIn(previous) ?? $"(none {Guid.NewGuid():N})";
    }

    private static string? MessageIdIn(string header)
    {
        const string name = "Message-ID:";
        if (!header.StartsWith(name, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return header[name.Length..].Trim().Trim('<', '>');
    }

    private static string AddressIn(string rcpt)
    {
        var start = rcpt.IndexOf('<', StringComparison.Ordinal);
        var end = rcpt.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? rcpt[(start + 1)..end] : rcpt[(rcpt.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static TaskCompletionSource Answering()
    {
        var answering = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        answering.SetResult();
        return answering;
    }

    private static async Task ReplyAsync(NetworkStream stream, string reply, CancellationToken stopping) =>
        await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), stopping);
}
