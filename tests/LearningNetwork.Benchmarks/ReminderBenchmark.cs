using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using LearningNetwork.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Npgsql;

namespace LearningNetwork.Benchmarks;

/// <summary>
/// 10,000 due reminders in the send log, delivered by the host's sender (claim, render nl/en/fr
/// template, MailKit over reused connections, mark sent), against a plain MailKit loop sending
/// equivalent messages to the same local SMTP server.
/// </summary>
internal static class ReminderBenchmark
{
    private const string Ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\nPRODID:-//bench//EN\r\nBEGIN:VEVENT\r\nUID:session-bench@learningnetwork\r\nDTSTART:20300101T090000Z\r\nDTEND:20300101T110000Z\r\nSUMMARY:Bench\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    /// <summary>Creates the database, starts the sink and a sending host, measures both paths and prints the checks.</summary>
    public static async Task<(LoadResult System, LoadResult Plain)> RunAsync(string server, string database, string hostDll, int count)
    {
        await using (var admin = NpgsqlDataSource.Create(server))
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE \"{database}\"");
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        await using var smtp = new SmtpSink();
        smtp.Start();
        await using var host = await HostProcess.StartAsync(hostDll, new Dictionary<string, string>
        {
            ["ConnectionStrings__LearningNetwork"] = connectionString,
            ["Database__MigrateOnStartup"] = "true",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__PollIntervalMilliseconds"] = "200",
        });

        var plain = await PlainLoopAsync(smtp, count);
        smtp.Clear();
        var system = await ThroughHostAsync(connectionString, smtp, count);
        var duplicates = smtp.CountByMessageId().Values.Count(n => n > 1);
        Console.WriteLine($"check: {smtp.Received} received by SMTP for {count} reminders, {duplicates} duplicate Message-IDs");
        Console.WriteLine($"mail host peak memory (VmHWM): {host.MemoryMiB().Peak:0} MiB");
        return (system, plain);
    }

    private static async Task<LoadResult> ThroughHostAsync(string connectionString, SmtpSink smtp, int count)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        var sessionId = Guid.CreateVersion7();
        await using (var insert = data.CreateCommand($$"""
            INSERT INTO notifications.emails (id, kind, source_key, recipient, recipient_name, language, session_id, values, protected_values,
                due_at, status, attempts, next_attempt_at, created_at)
            SELECT gen_random_uuid(), 'Reminder', 'bench-reminder:' || i, 'r' || i || '@bench.example', 'Bench Manager ' || i,
                (ARRAY['nl','en','fr'])[1 + i % 3], '{{sessionId}}',
                jsonb_build_object('title', 'Lerend netwerk ' || i, 'when', 'dinsdag 1 januari 2030, 10:00-12:00 (Europe/Brussels)',
                                   'place', 'Koning Albert II-laan 35, Brussel', 'ics', $1::text)::text::jsonb,
                '{}'::jsonb, now(), 'Pending', 0, now() + interval '2 seconds', now()
            FROM generate_series(1, {{count}}) AS i
            """))
        {
            insert.Parameters.AddWithValue(Ics);
            await insert.ExecuteNonQueryAsync();
        }

        // The rows become due two seconds after the insert: time from then until the last is marked sent.
        var due = Stopwatch.StartNew();
        await Task.Delay(2000);
        due.Restart();
        while (true)
        {
            await using var query = data.CreateCommand($"SELECT count(*) FROM notifications.emails WHERE session_id = '{sessionId}' AND status = 'Sent'");
            if ((long)(await query.ExecuteScalarAsync())! >= count)
            {
                break;
            }

            if (due.Elapsed > TimeSpan.FromMinutes(15))
            {
                throw new TimeoutException("Reminders were not all sent within 15 minutes.");
            }

            await Task.Delay(100);
        }

        due.Stop();
        return new LoadResult(count, count - smtp.Received, due.Elapsed, 0, 0);
    }

    /// <summary>The same number of comparable messages through one MailKit client, a new connection every 100 as the host's sender.</summary>
    internal static async Task<LoadResult> PlainLoopAsync(SmtpSink smtp, int count)
    {
        using var client = new SmtpClient();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            // One connection per 100 messages, as the host's sender does per batch.
            if (i % 100 == 0)
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(true);
                }

                // The same socket as the host's sender: Nagle off.
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync("127.0.0.1", smtp.Port);
                await client.ConnectAsync(socket, "127.0.0.1", smtp.Port, SecureSocketOptions.None);
            }

            var message = new MimeMessage { Subject = $"Herinnering: Lerend netwerk {i}", MessageId = $"{Guid.NewGuid():N}@plain.bench" };
            message.From.Add(MailboxAddress.Parse("no-reply@learningnetwork.local"));
            message.To.Add(new MailboxAddress($"Bench Manager {i}", $"r{i}@bench.example"));
            var body = new BodyBuilder
            {
                TextBody = $"Beste Bench Manager {i},\n\nWe verwachten u op Lerend netwerk {i}.\n\nWanneer: dinsdag 1 januari 2030, 10:00-12:00\n",
                HtmlBody = $"<p>Beste Bench Manager {i},</p><p>We verwachten u op Lerend netwerk {i}.</p>",
            };
            body.Attachments.Add("session.ics", System.Text.Encoding.UTF8.GetBytes(Ics), new ContentType("text", "calendar"));
            message.Body = body.ToMessageBody();
            await client.SendAsync(message);
        }

        await client.DisconnectAsync(true);
        watch.Stop();
        return new LoadResult(count, count - smtp.Received, watch.Elapsed, 0, 0);
    }
}
