using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LearningNetwork.BuildingBlocks.Persistence;

/// <summary>What every module's DbContext offers: its schema and its outbox.</summary>
public interface IModuleDbContext
{
    string Schema { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }
}

/// <summary>
/// Base of a module's DbContext: its own schema, its own outbox table, and events of changed
/// aggregates written to that outbox by the same SaveChanges that stores the change.
/// (A context that must derive from elsewhere, like Identity's, uses <see cref="OutboxModel"/> itself.)
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options), IModuleDbContext
{
    private readonly TimeProvider _clock = ClockOptionsExtension.Of(options);

    public abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        OutboxModel.Configure(modelBuilder, Schema);
        base.OnModelCreating(modelBuilder);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        OutboxModel.CollectEvents(ChangeTracker, OutboxMessages, _clock);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it also writes the outbox.");
}

/// <summary>The outbox parts of a module context, usable from any DbContext.</summary>
public static class OutboxModel
{
    public static void Configure(ModelBuilder modelBuilder, string schema)
    {
        modelBuilder.HasDefaultSchema(schema);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
    }

    public static void Add(DbSet<OutboxMessage> outbox, IntegrationEvent integrationEvent, TimeProvider clock) =>
        outbox.Add(Message(integrationEvent, clock));

    /// <summary>The outbox row of an event, stamped with the time it is written.</summary>
    public static OutboxMessage Message(IntegrationEvent integrationEvent, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return OutboxMessage.From(integrationEvent with { OccurredAt = now }, now);
    }

    /// <summary>
    /// Takes the events an aggregate raised since it was last saved, as outbox rows: for a module
    /// that writes an aggregate past the change tracker and its events with it.
    /// </summary>
    public static IReadOnlyList<OutboxMessage> TakeEvents(AggregateRoot aggregate, TimeProvider clock) =>
        [.. aggregate.DequeueEvents().Select(integrationEvent => Message(integrationEvent, clock))];

    /// <summary>Moves the events raised by tracked aggregates into outbox rows of the same unit of work.</summary>
    public static void CollectEvents(ChangeTracker changeTracker, DbSet<OutboxMessage> outbox, TimeProvider clock)
    {
        var aggregates = changeTracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList();
        outbox.AddRange(aggregates.SelectMany(a => TakeEvents(a, clock)));
    }
}
