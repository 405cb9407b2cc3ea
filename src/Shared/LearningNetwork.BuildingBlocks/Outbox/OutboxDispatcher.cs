using LearningNetwork.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningNetwork.BuildingBlocks.Outbox;

/// <summary>
/// The background loop that drains one module's outbox: full batches back to back, then a short
/// sleep; and, at start and then hourly, deletes what was published longer ago than the
/// retention (<see cref="OutboxOptions.RetainProcessedDays"/>), so the table stays the size of
/// its recent traffic.
/// </summary>
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
        var nextHousekeeping = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = TimeSpan.FromMilliseconds(settings.PollIntervalMilliseconds);
            try
            {
                if (clock.GetUtcNow() >= nextHousekeeping)
                {
                    await KeepHouseAsync(settings, stoppingToken);
                    nextHousekeeping = clock.GetUtcNow() + Housekeeping.Interval;
                }

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

    private async Task KeepHouseAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        var purged = await processor.PurgePublishedAsync(clock.GetUtcNow() - TimeSpan.FromDays(settings.RetainProcessedDays), cancellationToken);
        if (purged > 0)
        {
            logger.LogInformation("Deleted {Count} outbox messages of {Module} published more than {Days} days ago", purged, typeof(TContext).Name, settings.RetainProcessedDays);
        }
    }
}
