using LearningNetwork.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningNetwork.BuildingBlocks.Outbox;

/// <summary>
/// Publishes one batch of a module's pending outbox messages. The batch is claimed with
/// FOR UPDATE SKIP LOCKED and marked processed in the same transaction, so two hosts running
/// this at once never publish the same message; a crash before commit publishes it again
/// later (at least once), which idempotent handlers absorb.
/// </summary>
public sealed class OutboxProcessor<TContext>(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxProcessor<TContext>> logger)
    where TContext : DbContext, IModuleDbContext
{
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var settings = options.Value;
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The schema name comes from the module's own code, never from input.
#pragma warning disable EF1002
        var batch = await db.OutboxMessages
            .FromSqlRaw(
                $$"""
                SELECT * FROM "{{db.Schema}}".outbox_messages
                WHERE processed_at IS NULL AND failed_at IS NULL AND next_attempt_at <= {0}
                ORDER BY next_attempt_at, occurred_at, id
                LIMIT {1}
                FOR UPDATE SKIP LOCKED
                """,
                now, settings.BatchSize)
            .ToListAsync(cancellationToken);
#pragma warning restore EF1002

        foreach (var message in batch)
        {
            await PublishOneAsync(message, settings, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private async Task PublishOneAsync(OutboxMessage message, OutboxOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            var integrationEvent = message.Deserialize();
            // A scope per message: handlers get their own DbContexts, outside this claim transaction.
            await using var handlerScope = scopes.CreateAsyncScope();
            await handlerScope.ServiceProvider.GetRequiredService<IMediator>().Publish(integrationEvent, cancellationToken);
            message.ProcessedAt = clock.GetUtcNow();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            message.Attempts++;
            message.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 2000);
            if (message.Attempts >= settings.MaxAttempts)
            {
                message.FailedAt = clock.GetUtcNow();
                logger.LogError(ex, "Outbox message {MessageId} ({Type}) failed {Attempts} times and is parked", message.Id, message.Type, message.Attempts);
            }
            else
            {
                // Exponential backoff, capped: a handler whose dependency is down is not hammered.
                var delay = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, message.Attempts)));
                message.NextAttemptAt = clock.GetUtcNow() + delay;
                logger.LogWarning(ex, "Outbox message {MessageId} ({Type}) failed (attempt {Attempts}); retrying in {Delay}", message.Id, message.Type, message.Attempts, delay);
            }
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
