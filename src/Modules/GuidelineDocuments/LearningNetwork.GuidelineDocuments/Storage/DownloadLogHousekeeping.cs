using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.GuidelineDocuments.Features.Shared;
using LearningNetwork.GuidelineDocuments.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningNetwork.GuidelineDocuments.Storage;

/// <summary>
/// The download log's retention (Guidelines:DownloadLogRetainDays): each instance deletes older
/// downloads when it starts and then hourly, in chunks, as the outbox and the send log do.
/// </summary>
internal sealed class DownloadLogHousekeeping(IServiceScopeFactory scopes, IOptions<GuidelineOptions> options, TimeProvider clock, ILogger<DownloadLogHousekeeping> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var days = options.Value.DownloadLogRetainDays;
        if (days <= 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var purged = await PurgeAsync(clock.GetUtcNow() - TimeSpan.FromDays(days), stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Deleted {Count} downloads older than {Days} days from the download log", purged, days);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The download log's housekeeping failed; trying again in {Interval}", Housekeeping.Interval);
            }

            try
            {
                await Task.Delay(Housekeeping.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuidelinesDbContext>();
        return await Housekeeping.DeleteInChunksAsync(chunk => db.Database.ExecuteSqlInterpolatedAsync($"""
            DELETE FROM guideline_documents.downloads WHERE id IN (
                SELECT id FROM guideline_documents.downloads WHERE at < {before} LIMIT {chunk} FOR UPDATE SKIP LOCKED)
            """, cancellationToken));
    }
}
