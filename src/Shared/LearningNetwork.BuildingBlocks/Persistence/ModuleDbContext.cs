using LearningNetwork.BuildingBlocks.Outbox;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.BuildingBlocks.Persistence;

/// <summary>
/// Base of every module's DbContext: its own schema, its own outbox table, and events of
/// changed aggregates written to that outbox by the same SaveChanges that stores the change.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, TimeProvider clock) : DbContext(options)
{
    public abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected TimeProvider Clock { get; } = clock;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        base.OnModelCreating(modelBuilder);
    }

    /// <summary>Adds an event that does not come from an aggregate (e.g. a change made in bulk).</summary>
    public void AddToOutbox(Contracts.IntegrationEvent integrationEvent) =>
        OutboxMessages.Add(OutboxMessage.From(integrationEvent, Clock.GetUtcNow()));

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = Clock.GetUtcNow();
        var aggregates = ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList();
        foreach (var integrationEvent in aggregates.SelectMany(a => a.DequeueEvents()))
        {
            OutboxMessages.Add(OutboxMessage.From(integrationEvent with { OccurredAt = now }, now));
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it also writes the outbox.");
}
