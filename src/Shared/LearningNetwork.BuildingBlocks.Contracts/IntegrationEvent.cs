using MediatR;

namespace LearningNetwork.BuildingBlocks.Contracts;

/// <summary>
/// Something that happened in one module that others may react to. It travels through the
/// outbox, so it may be delivered more than once: <see cref="EventId"/> lets a handler notice
/// a repeat and do nothing.
/// </summary>
public abstract record IntegrationEvent : INotification
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; }
}
