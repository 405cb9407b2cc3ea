using System.Net.Sockets;
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
/// Sends due emails in batches over one reused SMTP connection. SMTP 4xx replies and broken
/// connections are retried with backoff (the same Message-ID each time); 5xx replies are
/// permanent and recorded. Several hosts can run this at once: claims use SKIP LOCKED.
/// </summary>
internal sealed class EmailDispatcher(
    IServiceScopeFactory scopes,
    IOptions<EmailSendingOptions> options,
    IOptions<SmtpOptions> smtp,
    TimeProvider clock,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
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
                    await Task.Delay(TimeSpan.FromMilliseconds(settings.PollIntervalMilliseconds), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One batch: claim, connect once, send each, record each outcome. Returns how many were claimed.</summary>
    public async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var claims = scope.ServiceProvider.GetRequiredService<EmailClaims>();
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
        var batch = await claims.ClaimDueAsync(settings.BatchSize, TimeSpan.FromSeconds(settings.LeaseSeconds), cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        using var client = new SmtpClient();
        foreach (var email in batch)
        {
            MimeMessage message;
            try
            {
                message = await composer.ComposeAsync(email);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A template or data problem will not fix itself by retrying.
                logger.LogError(ex, "Email {EmailId} ({Kind}) could not be composed", email.Id, email.Kind);
                await claims.FailAsync(email, $"Could not compose: {ex.Message}", CancellationToken.None);
                continue;
            }

            try
            {
                await EnsureConnectedAsync(client, cancellationToken);
                await client.SendAsync(message, cancellationToken);
                await claims.MarkSentAsync(email, message.Subject ?? "", CancellationToken.None);
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
            {
                logger.LogWarning("Email {EmailId} refused permanently: {Status} {Message}", email.Id, (int)ex.StatusCode, ex.Message);
                await claims.FailAsync(email, $"SMTP {(int)ex.StatusCode}: {ex.Message}", CancellationToken.None);
            }
            catch (Exception ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                await RetryOrGiveUpAsync(claims, email, Describe(ex), settings);
                if (ex is not SmtpCommandException)
                {
                    // The connection is gone or unusable: the next email reconnects.
                    await DisconnectQuietlyAsync(client);
                }
            }
        }

        await DisconnectQuietlyAsync(client);
        return batch.Count;
    }

    private async Task RetryOrGiveUpAsync(EmailClaims claims, Email email, string error, EmailSendingOptions settings)
    {
        if (email.Attempts >= settings.MaxAttempts)
        {
            logger.LogWarning("Email {EmailId} failed after {Attempts} attempts: {Error}", email.Id, email.Attempts, error);
            await claims.FailAsync(email, error, CancellationToken.None);
            return;
        }

        var delay = TimeSpan.FromSeconds(Math.Min(settings.MaxRetryDelaySeconds, settings.FirstRetryDelaySeconds * Math.Pow(2, email.Attempts - 1)));
        logger.LogInformation("Email {EmailId} will be retried in {Delay}: {Error}", email.Id, delay, error);
        await claims.RetryLaterAsync(email, error, delay, CancellationToken.None);
    }

    private async Task EnsureConnectedAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        if (client.IsConnected)
        {
            return;
        }

        var settings = smtp.Value;
        var security = settings.Security switch
        {
            "StartTls" => SecureSocketOptions.StartTls,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };
        // MailKit leaves Nagle's algorithm on: the end of each message then waits for the server's
        // delayed ACK (40 ms on Linux), which caps a connection at about 22 messages a second.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(settings.Host, settings.Port, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        await client.ConnectAsync(socket, settings.Host, settings.Port, security, cancellationToken);
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
