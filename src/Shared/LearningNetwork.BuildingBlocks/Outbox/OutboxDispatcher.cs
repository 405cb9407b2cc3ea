using LearningNetwork.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningNetwork.BuildingBlocks.Outbox;

/// <summary>The background loop that drains one module's outbox: full batches back to back, then a short sleep.</summary>
internal sealed class OutboxDispatcher<TContext>(
    OutboxProcessor<TContext> processor,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IModuleDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = TimeSpan.FromMilliseconds(settings.PollIntervalMilliseconds);
            try
            {
                var published = await processor.ProcessBatchAsync(stoppingToken);
                failures = 0;
                if (published >= settings.BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Typically the database is unreachable: keep trying, a little slower each time.
                failures++;
                delay = TimeSpan.FromSeconds(Math.Min(30, failures * 2));
                logger.LogWarning(ex, "Outbox of {Module} could not be processed; retrying in {Delay}", typeof(TContext).Name, delay);
            }

            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
