using LearningNetwork.BuildingBlocks.Contracts;

namespace LearningNetwork.BuildingBlocks.Persistence;

/// <summary>
/// An aggregate records what happened to it; <see cref="ModuleDbContext"/> turns those events
/// into outbox rows in the same transaction as the state change, so neither is lost without the other.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IntegrationEvent> _pendingEvents = [];

    /// <summary>Events raised since the last save (read-only: for tests and diagnostics).</summary>
    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public IReadOnlyList<IntegrationEvent> PendingEvents => _pendingEvents;

    protected void Raise(IntegrationEvent integrationEvent) => _pendingEvents.Add(integrationEvent);

    internal IReadOnlyList<IntegrationEvent> DequeueEvents()
    {
        var events = _pendingEvents.ToArray();
        _pendingEvents.Clear();
        return events;
    }
}
