using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LearningNetwork.Testing;

namespace LearningNetwork.Notifications.Tests;

/// <summary>
/// The real host as its own process, killed (SIGKILL) in the middle of a batch and started again.
/// The send log's claim and lease make every email arrive; only an email whose outcome was unknown
/// at the kill (claimed, not marked sent) may arrive a second time, and then with the same Message-ID.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the class through IAsyncLifetime.DisposeAsync, which disposes the SMTP sink.")]
public sealed class HostCrashTests : IAsyncLifetime
{
    private const int Count = 300;

    // A slow server: a batch of 100 takes seconds, so the kill lands inside one.
    private readonly SmtpSink _smtp = new() { ReplyDelay = TimeSpan.FromMilliseconds(20) };
    private TestDatabase? _database;

    private TestDatabase Database => _database!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _smtp.Start();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await Database.DisposeAsync();
    }

    [Fact]
    public async Task A_host_killed_during_a_batch_and_restarted_delivers_every_email_and_repeats_only_an_unknown_outcome_with_its_Message_ID()
    {
        await using var first = await StartHostAsync();
        var session = await DueEmails.InsertAsync(Database, "crash", Count);
        await Eventually.TrueAsync(() => Task.FromResult(_smtp.Received >= 150), TimeSpan.FromSeconds(60), "the first host did not get halfway");

        // Kill it while the SMTP server has stored a message and not yet said so.
        _smtp.HoldAnswers();
        await Eventually.TrueAsync(() => Task.FromResult(_smtp.Held > 0), TimeSpan.FromSeconds(10), "no message reached the held reply");
        var inFlight = _smtp.Deliveries[^1].Recipients.Single();
        await first.KillAsync();
        var atKill = await StatusByRecipientAsync(session);
        _smtp.AnswerAgain();
        Assert.Equal("Sending", atKill[inFlight]);
        Assert.Contains("Pending", atKill.Values); // killed mid-run: work was left for the next host

        await using var second = await StartHostAsync();
        await Eventually.TrueAsync(async () => await DueEmails.CountAsync(Database, session, "Sent") == Count, TimeSpan.FromSeconds(90),
            "the restarted host did not send everything");
        await Task.Delay(1000); // time for anything sent twice to arrive

        var arrived = _smtp.Deliveries.Where(d => d.Recipients.Single().StartsWith("crash-", StringComparison.Ordinal))
            .GroupBy(d => d.Recipients.Single())
            .ToDictionary(g => g.Key, g => g.Select(d => d.MessageId).ToList());
        Assert.Equal(atKill.Keys.Order(), arrived.Keys.Order()); // every email arrived
        Assert.All(arrived.Values, ids => Assert.Single(ids.Distinct())); // a repeat carries the same Message-ID
        var repeated = arrived.Where(a => a.Value.Count > 1).ToDictionary(a => a.Key, a => a.Value.Count);
        Assert.All(repeated, r => Assert.Equal("Sending", atKill[r.Key])); // only outcomes unknown at the kill repeat
        Assert.All(repeated, r => Assert.Equal(2, r.Value));
        Assert.Contains(inFlight, repeated.Keys); // the one stored but unacknowledged came again
        Assert.Equal(Count, await DueEmails.CountAsync(Database, session, "Sent"));
    }

    private Task<HostProcess> StartHostAsync() => HostProcess.StartAsync(HostProcess.BuiltHostDll(), new Dictionary<string, string>
    {
        ["ConnectionStrings__LearningNetwork"] = Database.ConnectionString,
        ["Database__MigrateOnStartup"] = "true",
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Email__PollIntervalMilliseconds"] = "100",
        // Short, so the restarted host takes the dead host's claims over within seconds.
        ["Email__LeaseSeconds"] = "10",
        ["Hangfire__WorkerCount"] = "1",
    });

    private async Task<Dictionary<string, string>> StatusByRecipientAsync(Guid session)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand("SELECT recipient, status FROM notifications.emails WHERE session_id = @s", connection);
        query.Parameters.AddWithValue("s", session);
        await using var reader = await query.ExecuteReaderAsync();
        var statuses = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            statuses[reader.GetString(0)] = reader.GetString(1);
        }

        return statuses;
    }
}
