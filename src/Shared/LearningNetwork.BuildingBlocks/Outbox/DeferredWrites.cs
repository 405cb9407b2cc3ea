using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.BuildingBlocks.Outbox;

/// <summary>
/// Lets an event handler leave an insert to the end of the outbox batch it is handling a message
/// of, where the inserts of the whole batch are saved together: one round trip and one commit per
/// batch instead of one per message (a popular session's fifty confirmations are one write). Only
/// the outbox opens a batch; anywhere else (an HTTP request, a job, a test publishing an event
/// directly) <see cref="TryDefer{TContext}"/> says no and the handler writes at once.
/// </summary>
/// <remarks>
/// Scoped: the outbox gives each message its own scope (its own DbContexts, as before) and points
/// that scope's instance at the batch. A deferred insert must be one the handler could repeat:
/// when the batch's save is refused (typically a redelivered message whose row already exists),
/// the outbox hands each of the batch's messages to its handlers again, one at a time, with
/// nothing deferred.
/// </remarks>
public sealed class DeferredWrites
{
    internal OutboxBatch? Batch { get; set; }

    /// <summary>
    /// Stages a write into the <typeparamref name="TContext"/> that saves the batch; false when no
    /// outbox batch is open here, and the caller must write now.
    /// </summary>
    public bool TryDefer<TContext>(Action<TContext> stage)
        where TContext : DbContext
    {
        if (Batch is null)
        {
            return false;
        }

        Batch.Add(typeof(TContext), context => stage((TContext)context));
        return true;
    }
}

/// <summary>
/// The writes deferred by the handlers of one outbox batch, kept per message so that a message
/// whose handling failed takes its own writes with it and leaves the others' in place.
/// </summary>
internal sealed class OutboxBatch
{
    private readonly List<(Type Context, Action<DbContext> Stage)> _kept = [];
    private readonly List<(Type Context, Action<DbContext> Stage)> _current = [];

    public bool IsEmpty => _kept.Count == 0;

    public void Add(Type context, Action<DbContext> stage) => _current.Add((context, stage));

    /// <summary>The current message was handled: its writes belong to the batch.</summary>
    public void KeepCurrent()
    {
        _kept.AddRange(_current);
        _current.Clear();
    }

    /// <summary>The current message failed: whatever it deferred is not written.</summary>
    public void DropCurrent() => _current.Clear();

    /// <summary>Stages every kept write into the given scope's contexts and saves each context once.</summary>
    public async Task SaveAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var contexts = new List<DbContext>();
        foreach (var (type, stage) in _kept)
        {
            var context = (DbContext)services.GetRequiredService(type);
            stage(context);
            if (!contexts.Contains(context))
            {
                contexts.Add(context);
            }
        }

        foreach (var context in contexts)
        {
            await context.SaveChangesAsync(cancellationToken);
        }
    }
}
