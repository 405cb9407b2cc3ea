using System.Collections.Concurrent;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Mediation;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Testing;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningNetwork.BuildingBlocks.Tests;

/// <summary>
/// The outbox end to end: rows written with the state change, published after commit by the
/// background dispatcher, each exactly once to an idempotent handler, even with two hosts.
/// </summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        using var host = BuildHost(dispatch: false);
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_event_is_written_in_the_same_transaction_as_the_change_and_not_when_it_rolls_back()
    {
        using var host = BuildHost(dispatch: false);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Probes.Add(Probe.Create("rolled back"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        db.ChangeTracker.Clear();
        db.Probes.Add(Probe.Create("committed"));
        await db.SaveChangesAsync();

        var rows = await db.OutboxMessages.AsNoTracking().ToListAsync();
        Assert.Single(rows);
        Assert.Contains("committed", rows[0].Payload);
    }

    [Fact]
    public async Task Two_hosts_dispatching_at_once_deliver_every_event_exactly_once()
    {
        const int events = 400;
        var ids = await WriteEventsAsync(events);
        var deliveries = new ConcurrentDictionary<Guid, int>();
        var hostsThatDelivered = new ConcurrentDictionary<string, bool>();
        using var hostA = BuildHost(dispatch: true, deliveries, hostsThatDelivered, "A");
        using var hostB = BuildHost(dispatch: true, deliveries, hostsThatDelivered, "B");

        await Task.WhenAll(hostA.StartAsync(), hostB.StartAsync());
        await Eventually.TrueAsync(async () => await PendingAsync() == 0, TimeSpan.FromSeconds(60), "the outbox did not drain");
        await Task.WhenAll(hostA.StopAsync(), hostB.StopAsync());

        Assert.Equal(events, deliveries.Count);
        Assert.All(ids, id => Assert.Equal(1, deliveries[id]));
        Assert.Equal(events, await _database.ScalarAsync<long>("SELECT count(*) FROM probe.receipts"));
        Assert.Equal(2, hostsThatDelivered.Count); // both really took part
    }

    [Fact]
    public async Task A_failing_handler_is_retried_with_backoff_and_its_error_recorded()
    {
        var ids = await WriteEventsAsync(1, failFirstAttempts: 1);
        var deliveries = new ConcurrentDictionary<Guid, int>();
        using var host = BuildHost(dispatch: true, deliveries);
        await host.StartAsync();

        await Eventually.TrueAsync(async () => await _database.ScalarAsync<long>(
            "SELECT count(*) FROM probe.outbox_messages WHERE attempts = 1 AND last_error LIKE '%first attempt fails%'") == 1);
        // Push the retry to now instead of waiting out the backoff.
        await _database.ExecuteAsync("UPDATE probe.outbox_messages SET next_attempt_at = now() - interval '1 second'");
        await Eventually.TrueAsync(async () => await PendingAsync() == 0);
        await host.StopAsync();

        Assert.Equal(1, deliveries[ids[0]]);
    }

    [Fact]
    public async Task A_redelivered_event_does_not_repeat_the_handlers_effect()
    {
        var ids = await WriteEventsAsync(3);
        var deliveries = new ConcurrentDictionary<Guid, int>();
        using var host = BuildHost(dispatch: true, deliveries);
        await host.StartAsync();
        await Eventually.TrueAsync(async () => await PendingAsync() == 0);

        // As if a host crashed after publishing but before marking the rows processed.
        await _database.ExecuteAsync("UPDATE probe.outbox_messages SET processed_at = NULL");
        await Eventually.TrueAsync(async () => await PendingAsync() == 0);
        await host.StopAsync();

        Assert.All(ids, id => Assert.Equal(2, deliveries[id]));
        Assert.Equal(3, await _database.ScalarAsync<long>("SELECT count(*) FROM probe.receipts"));
    }

    [Fact]
    public async Task A_message_failing_in_a_batch_does_not_hold_up_the_others()
    {
        var ids = await WriteEventsAsync(7, failingIndex: 3); // one batch of seven
        var deliveries = new ConcurrentDictionary<Guid, int>();
        using var host = BuildHost(dispatch: true, deliveries);
        await host.StartAsync();

        // The six others are handled and marked; the failed message waits for its retry.
        await Eventually.TrueAsync(async () => await PendingAsync() == 1);
        Assert.Equal(6, await _database.ScalarAsync<long>("SELECT count(*) FROM probe.receipts"));
        Assert.False(deliveries.ContainsKey(ids[3]));
        Assert.Equal(1, await _database.ScalarAsync<int>($"SELECT attempts FROM probe.outbox_messages WHERE id = '{ids[3]}' AND processed_at IS NULL"));

        await _database.ExecuteAsync("UPDATE probe.outbox_messages SET next_attempt_at = now() - interval '1 second'");
        await Eventually.TrueAsync(async () => await PendingAsync() == 0);
        await host.StopAsync();

        Assert.All(ids, id => Assert.Equal(1, deliveries[id])); // the six others were not handled again
        Assert.Equal(7, await _database.ScalarAsync<long>("SELECT count(*) FROM probe.receipts"));
    }

    [Fact]
    public async Task Messages_published_longer_ago_than_the_retention_are_deleted_and_pending_or_parked_ones_kept()
    {
        var ids = await WriteEventsAsync(5);
        var deliveries = new ConcurrentDictionary<Guid, int>();
        using (var first = BuildHost(dispatch: true, deliveries))
        {
            await first.StartAsync();
            await Eventually.TrueAsync(async () => await PendingAsync() == 0);
            await first.StopAsync();
        }

        // Two published 31 days ago, one 29 days ago, one parked 40 days ago, one still waiting.
        await _database.ExecuteAsync($"UPDATE probe.outbox_messages SET processed_at = now() - interval '31 days' WHERE id IN ('{ids[0]}', '{ids[1]}')");
        await _database.ExecuteAsync($"UPDATE probe.outbox_messages SET processed_at = now() - interval '29 days' WHERE id = '{ids[2]}'");
        await _database.ExecuteAsync($"UPDATE probe.outbox_messages SET processed_at = NULL, failed_at = now() - interval '40 days', occurred_at = now() - interval '41 days' WHERE id = '{ids[3]}'");
        await _database.ExecuteAsync($"UPDATE probe.outbox_messages SET processed_at = NULL, next_attempt_at = now() + interval '1 day' WHERE id = '{ids[4]}'");

        // Housekeeping runs when a publishing instance starts (and hourly after that).
        using var host = BuildHost(dispatch: true, deliveries);
        await host.StartAsync();
        await Eventually.TrueAsync(async () => await _database.ScalarAsync<long>("SELECT count(*) FROM probe.outbox_messages") == 3);
        await host.StopAsync();

        var left = await _database.ScalarAsync<string>("SELECT string_agg(id::text, ',' ORDER BY id::text COLLATE \"C\") FROM probe.outbox_messages");
        Assert.Equal(string.Join(",", new[] { ids[2], ids[3], ids[4] }.Select(id => id.ToString()).Order(StringComparer.Ordinal)), left);
        Assert.All(ids, id => Assert.Equal(1, deliveries[id])); // nothing was handled again
    }

    [Fact]
    public async Task A_retention_of_less_than_a_day_is_refused_at_start()
    {
        using var host = BuildHost(dispatch: true, retainProcessedDays: "0");
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Outbox:RetainProcessedDays must be at least 1", error.Message);
    }

    private Task<long> PendingAsync() =>
        _database.ScalarAsync<long>("SELECT count(*) FROM probe.outbox_messages WHERE processed_at IS NULL AND failed_at IS NULL");

    /// <summary>Writes probes, each raising one event (its outbox row has the event's id); returns the event ids in order.</summary>
    private async Task<List<Guid>> WriteEventsAsync(int count, int failFirstAttempts = 0, int failingIndex = -1)
    {
        using var host = BuildHost(dispatch: false);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        var probes = Enumerable.Range(0, count)
            .Select(i => Probe.Create($"probe {i}", i == failingIndex ? 1 : failFirstAttempts)).ToList();
        var eventIds = probes.Select(p => p.PendingEvents.Single().EventId).ToList();
        db.Probes.AddRange(probes);
        await db.SaveChangesAsync();
        return eventIds;
    }

    private IHost BuildHost(bool dispatch, ConcurrentDictionary<Guid, int>? deliveries = null, ConcurrentDictionary<string, bool>? hosts = null, string name = "A", string retainProcessedDays = "30")
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:LearningNetwork"] = _database.ConnectionString,
            ["Outbox:Enabled"] = dispatch.ToString(),
            ["Outbox:PollIntervalMilliseconds"] = "10",
            ["Outbox:BatchSize"] = "7",
            ["Outbox:RetainProcessedDays"] = retainProcessedDays,
        });
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.Services.AddModuleDatabase<ProbeDbContext>(builder.Configuration, "probe");
        builder.Services.AddMediatorHandlersFrom(typeof(OutboxTests).Assembly);
        builder.Services.AddSingleton(new DeliveryLog(deliveries ?? new(), hosts ?? new(), name));
        return builder.Build();
    }
}

internal sealed record ProbeCreated(Guid ProbeId, string Text, int FailFirstAttempts) : IntegrationEvent;

internal sealed class Probe : AggregateRoot
{
    public Guid Id { get; private set; }

    public string Text { get; private set; } = "";

    public static Probe Create(string text, int failFirstAttempts = 0)
    {
        var probe = new Probe { Id = Guid.CreateVersion7(), Text = text };
        probe.Raise(new ProbeCreated(probe.Id, text, failFirstAttempts));
        return probe;
    }
}

internal sealed class Receipt
{
    public Guid EventId { get; set; }
}

internal sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => "probe";

    public DbSet<Probe> Probes => Set<Probe>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Probe>().Property(p => p.Id).ValueGeneratedNever();
        modelBuilder.Entity<Receipt>().HasKey(r => r.EventId);
    }
}

internal sealed record DeliveryLog(ConcurrentDictionary<Guid, int> Deliveries, ConcurrentDictionary<string, bool> Hosts, string HostName)
{
    public ConcurrentDictionary<Guid, int> Attempts { get; } = new();
}

/// <summary>Idempotent the usual way: the effect is keyed by the event id, so a repeat changes nothing.</summary>
internal sealed class RecordProbeHandler(ProbeDbContext db, DeliveryLog log) : INotificationHandler<ProbeCreated>
{
    public async Task Handle(ProbeCreated notification, CancellationToken cancellationToken)
    {
        var attempt = log.Attempts.AddOrUpdate(notification.EventId, 1, (_, n) => n + 1);
        if (attempt <= notification.FailFirstAttempts)
        {
            throw new InvalidOperationException("The first attempt fails, as a flaky dependency would.");
        }

        log.Deliveries.AddOrUpdate(notification.EventId, 1, (_, n) => n + 1);
        log.Hosts[log.HostName] = true;
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO probe.receipts (event_id) VALUES ({notification.EventId}) ON CONFLICT DO NOTHING", cancellationToken);
    }
}
