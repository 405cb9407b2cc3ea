using System.Diagnostics;
using System.Net.Sockets;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.BuildingBlocks.Telemetry;
using LearningNetwork.Notifications.Domain;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LearningNetwork.Notifications.Sending;

/// <summary>
/// Sends due emails in batches over one reused SMTP connection, recording each as sent in group
/// commits (<see cref="SentMarks"/>). SMTP 4xx replies and broken connections are retried with
/// backoff (the same Message-ID each time); 5xx replies are permanent and recorded. Several hosts
/// can run this at once: claims use SKIP LOCKED and a lease.
/// </summary>
internal sealed class EmailDispatcher(
    IServiceScopeFactory scopes,
    IOptions<EmailSendingOptions> options,
    IOptions<SmtpOptions> smtp,
    TimeProvider clock,
    NewEmails newEmails,
    EmailMetrics metrics,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var nextHousekeeping = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                if (clock.GetUtcNow() >= nextHousekeeping)
                {
                    await KeepHouseAsync(settings.RetainDays, stoppingToken);
                    nextHousekeeping = clock.GetUtcNow() + Housekeeping.Interval;
                }

                sent = await SendBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Email batch failed; trying again shortly");
            }

            if (sent < settings.BatchSize)
            {
                try
                {
                    await newEmails.WaitAsync(TimeSpan.FromMilliseconds(settings.PollIntervalMilliseconds), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// One batch: claim, connect once, send each, record each outcome. Returns how many were claimed.
    /// Sending stops with half the lease left (and every SMTP step times out within a quarter of
    /// it), so no send outlives the claim: past the lease another sender may take the row over.
    /// </summary>
    public async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var lease = TimeSpan.FromSeconds(settings.LeaseSeconds);
        await using var scope = scopes.CreateAsyncScope();
        var claims = scope.ServiceProvider.GetRequiredService<EmailClaims>();
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
        var batch = await claims.ClaimDueAsync(settings.BatchSize, lease, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var sendUntil = clock.GetUtcNow() + lease / 2;
        // Marks commit on a connection of their own, alongside the sending (see SentMarks).
        await using var markScope = scopes.CreateAsyncScope();
        var marks = new SentMarks(markScope.ServiceProvider.GetRequiredService<EmailClaims>(), metrics);
        using var client = new SmtpClient { Timeout = (int)(lease / 4).TotalMilliseconds };
        var next = 0; // batch[next..] have not been handed to SMTP
        try
        {
            while (next < batch.Count && clock.GetUtcNow() < sendUntil)
            {
                marks.ThrowIfFailed();
                if (await TryConnectAsync(client, cancellationToken) is { } unreachable)
                {
                    // No connection, no point trying the others now: they all wait for the next attempt.
                    foreach (var waiting in batch.Skip(next))
                    {
                        using var activity = StartSendSpan(waiting);
                        activity?.SetStatus(ActivityStatusCode.Error, unreachable);
                        await RetryOrGiveUpAsync(claims, waiting, unreachable, settings);
                    }

                    next = batch.Count;
                    break;
                }

                var email = batch[next++];
                await SendOneAsync(client, composer, claims, marks, email, cancellationToken);
            }
        }
        catch (Exception failure)
        {
            // Shutting down, or an unexpected failure (say the database refusing to record an
            // outcome): the untried go back at once instead of waiting out their lease; the one in
            // flight, if any, waits for it, its outcome being unknown.
            await ReleaseUntriedQuietlyAsync(claims, batch, next, failure);
            throw;
        }
        finally
        {
            await DisconnectQuietlyAsync(client);
            await marks.FlushAsync();
        }

        await ReleaseUntriedAsync(claims, batch, next);
        return batch.Count;
    }

    /// <summary>
    /// At start and then hourly, on each sending instance: the send log's retention
    /// (<see cref="EmailSendingOptions.RetainDays"/>, 0 keeps everything), then the email figures folded.
    /// </summary>
    private async Task KeepHouseAsync(int retainDays, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var claims = scope.ServiceProvider.GetRequiredService<EmailClaims>();
        if (retainDays > 0)
        {
            var purged = await claims.PurgeFinishedAsync(clock.GetUtcNow() - TimeSpan.FromDays(retainDays), cancellationToken);
            if (purged > 0)
            {
                logger.LogInformation("Deleted {Count} emails older than {Days} days from the send log", purged, retainDays);
            }
        }

        await claims.CompactFiguresAsync(cancellationToken);
    }

    /// <summary>Gives the untried back after a failure; if even that fails (the database is down), they wait for their lease.</summary>
    private async Task ReleaseUntriedQuietlyAsync(EmailClaims claims, List<Email> batch, int untried, Exception failure)
    {
        try
        {
            await ReleaseUntriedAsync(claims, batch, untried);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not give back {Count} untried emails after {Failure}; they are sent once their lease ends", batch.Count - untried, failure.GetType().Name);
        }
    }

    private static async Task ReleaseUntriedAsync(EmailClaims claims, List<Email> batch, int untried)
    {
        if (untried < batch.Count)
        {
            await claims.ReleaseAsync(batch[untried..], CancellationToken.None);
        }
    }

    /// <summary>Composes and sends one email and records the outcome (sent, again later, or failed).</summary>
    private async Task SendOneAsync(SmtpClient client, EmailComposer composer, EmailClaims claims, SentMarks marks, Email email, CancellationToken cancellationToken)
    {
        using var activity = StartSendSpan(email);
        MimeMessage message;
        try
        {
            message = await composer.ComposeAsync(email);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A template or data problem will not fix itself by retrying.
            logger.LogError(ex, "Email {EmailId} ({Kind}) could not be composed", email.Id, email.Kind);
            activity?.SetStatus(ActivityStatusCode.Error, "could not compose");
            await FailAsync(claims, email, $"Could not compose: {ex.Message}");
            return;
        }

        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            logger.LogWarning("Email {EmailId} refused permanently: {Status} {Message}", email.Id, (int)ex.StatusCode, ex.Message);
            activity?.SetStatus(ActivityStatusCode.Error, $"SMTP {(int)ex.StatusCode}");
            await FailAsync(claims, email, $"SMTP {(int)ex.StatusCode}: {ex.Message}");
            return;
        }
        catch (Exception ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            // A 4xx reply, or a broken connection (after DATA: outcome unknown): again later, same Message-ID.
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            await RetryOrGiveUpAsync(claims, email, Describe(ex), options.Value);
            if (ex is not SmtpCommandException)
            {
                // The connection is gone or unusable: the next email reconnects.
                await DisconnectQuietlyAsync(client);
            }

            return;
        }

        marks.Add(email.Id, email.Kind, message.Subject ?? "");
    }

    /// <summary>
    /// The span of one attempt to send one email, in the trace of what queued it (the request
    /// that enrolled someone, the job that started a reminder round), whichever host sends it.
    /// </summary>
    private static Activity? StartSendSpan(Email email)
    {
        var activity = Tracing.StartCausedBy($"email send {email.Kind}", email.TraceParent, ActivityKind.Producer);
        activity?.SetTag("learningnetwork.email.id", email.Id);
        activity?.SetTag("learningnetwork.email.kind", email.Kind.ToString());
        activity?.SetTag("learningnetwork.email.attempt", email.Attempts);
        return activity;
    }

    private async Task FailAsync(EmailClaims claims, Email email, string error)
    {
        await claims.FailAsync(email, error, CancellationToken.None);
        metrics.Failed(email.Kind);
    }

    private async Task RetryOrGiveUpAsync(EmailClaims claims, Email email, string error, EmailSendingOptions settings)
    {
        if (email.Attempts >= settings.MaxAttempts)
        {
            logger.LogWarning("Email {EmailId} failed after {Attempts} attempts: {Error}", email.Id, email.Attempts, error);
            await FailAsync(claims, email, error);
            return;
        }

        var delay = TimeSpan.FromSeconds(Math.Min(settings.MaxRetryDelaySeconds, settings.FirstRetryDelaySeconds * Math.Pow(2, email.Attempts - 1)));
        logger.LogInformation("Email {EmailId} will be retried in {Delay}: {Error}", email.Id, delay, error);
        await claims.RetryLaterAsync(email, error, delay, CancellationToken.None);
    }

    /// <summary>Connects if not connected yet; returns why it could not, or null.</summary>
    private async Task<string?> TryConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        if (client.IsConnected)
        {
            return null;
        }

        try
        {
            await ConnectAsync(client, cancellationToken);
            return null;
        }
        catch (Exception ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            await DisconnectQuietlyAsync(client);
            return Describe(ex);
        }
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        var settings = smtp.Value;
        var security = SmtpOptions.SocketOptions(settings.Security);
        // MailKit leaves Nagle's algorithm on: the end of each message then waits for the server's
        // delayed ACK, which caps how many messages a connection can send (docs/performance.md, "Emails").
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(client.Timeout);
            await socket.ConnectAsync(settings.Host, settings.Port, connectTimeout.Token);
            await client.ConnectAsync(socket, settings.Host, settings.Port, security, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
    }

    private static async Task DisconnectQuietlyAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ProtocolException or ServiceNotConnectedException or OperationCanceledException)
        {
            // Already broken: nothing to close politely.
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is SmtpCommandException or SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException
            or TimeoutException or OperationCanceledException or AuthenticationException;

    private static string Describe(Exception ex) => ex is SmtpCommandException command
        ? $"SMTP {(int)command.StatusCode}: {command.Message}"
        : $"{ex.GetType().Name}: {ex.Message}";
}
