using System.Diagnostics;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.BuildingBlocks.Telemetry;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LearningNetwork.BuildingBlocks.Outbox;

/// <summary>
/// Publishes one batch of a module's pending outbox messages. The batch is claimed with
/// FOR UPDATE SKIP LOCKED and marked processed in the same transaction, so two hosts running
/// this at once never publish the same message; a crash before commit publishes it again
/// later (at least once), which idempotent handlers absorb. A message whose handler fails is
/// rescheduled with backoff (parked after too many attempts) without holding up the others.
/// </summary>
public sealed class OutboxProcessor<TContext>(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    IEnumerable<ModuleDatabase> modules,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxProcessor<TContext>> logger)
    where TContext : DbContext, IModuleDbContext
{
    // The schema name comes from the module's registration, never from input.
    private readonly string _schema = modules.Single(m => m.ContextType == typeof(TContext)).Schema;

    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        if (!await AnyDueAsync(now, cancellationToken))
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();

        await using var transaction = await db.Database.BeginWithoutSavepointsAsync(cancellationToken);
#pragma warning disable EF1002 // the schema interpolated is the module's own, set in code; the values go as parameters
        var batch = await db.OutboxMessages
            .FromSqlRaw(
                $$"""
                SELECT * FROM "{{_schema}}".outbox_messages
                WHERE {{OutboxMessageConfiguration.Pending}} AND next_attempt_at <= {0}
                ORDER BY next_attempt_at, occurred_at, id
                LIMIT {1}
                FOR UPDATE SKIP LOCKED
                """,
                now, settings.BatchSize)
            .ToListAsync(cancellationToken);
#pragma warning restore EF1002

        var published = new List<OutboxMessage>(batch.Count);
        foreach (var message in batch)
        {
            if (await PublishOneAsync(message, settings, cancellationToken))
            {
                published.Add(message);
            }
        }

        // The published messages are marked in one statement rather than one UPDATE each; only
        // failed ones (attempts, error, next try) go through change tracking.
        if (published.Count > 0)
        {
            var processedAt = clock.GetUtcNow();
            var ids = published.Select(m => m.Id).ToList();
            await db.OutboxMessages.Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.ProcessedAt, processedAt), cancellationToken);
        }

        if (published.Count < batch.Count)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    /// <summary>
    /// Deletes messages published before <paramref name="publishedBefore"/>, in chunks
    /// (<see cref="Housekeeping"/>); returns how many went. Pending and parked messages stay. Two
    /// hosts doing this at once only skip each other's rows.
    /// </summary>
    public Task<int> PurgePublishedAsync(DateTimeOffset publishedBefore, CancellationToken cancellationToken) =>
        Housekeeping.DeleteInChunksAsync(async chunk =>
        {
            await using var command = dataSource.CreateCommand($"""
                DELETE FROM "{_schema}".outbox_messages WHERE id IN (
                    SELECT id FROM "{_schema}".outbox_messages
                    WHERE processed_at < $1
                    LIMIT {chunk}
                    FOR UPDATE SKIP LOCKED)
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = publishedBefore });
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });

    /// <summary>
    /// One statement that asks whether anything is due. Most polls find nothing (every module
    /// polls a few times a second, and most modules are quiet most of the time), and the claim
    /// costs three round trips (BEGIN, SELECT ... FOR UPDATE, COMMIT).
    /// </summary>
    private async Task<bool> AnyDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT EXISTS (
                SELECT 1 FROM "{_schema}".outbox_messages
                WHERE {OutboxMessageConfiguration.Pending} AND next_attempt_at <= $1)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// True when every handler took the message; false when it failed and was rescheduled or
    /// parked. Handlers write what they write at once, in their own scope, each idempotently.
    /// </summary>
    private async Task<bool> PublishOneAsync(OutboxMessage message, OutboxOptions settings, CancellationToken cancellationToken)
    {
        // A span of the trace that wrote the message: what its handlers do (the emails they queue)
        // is then part of the request that caused it.
        using var activity = Tracing.StartCausedBy($"outbox publish {message.EventName}", message.TraceParent);
        activity?.SetTag("messaging.system", "outbox");
        activity?.SetTag("messaging.destination.name", _schema);
        activity?.SetTag("messaging.message.id", message.Id);
        activity?.SetTag("learningnetwork.outbox.attempt", message.Attempts + 1);
        try
        {
            var integrationEvent = message.Deserialize();
            // A scope per message: handlers get their own DbContexts, outside this claim transaction.
            await using var handlerScope = scopes.CreateAsyncScope();
            await handlerScope.ServiceProvider.GetRequiredService<IMediator>().Publish(integrationEvent, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
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

            return false;
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
