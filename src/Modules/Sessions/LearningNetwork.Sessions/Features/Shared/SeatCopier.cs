using LearningNetwork.BuildingBlocks.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningNetwork.Sessions.Features.Shared;

/// <summary>
/// The background loop that copies marked seat figures (<see cref="SessionCopies.CopyDueSeatsAsync"/>):
/// full rounds back to back, then a short sleep. Runs on every host that publishes its outbox
/// (<see cref="OutboxOptions.Enabled"/>), since the marks come from there.
/// </summary>
internal sealed class SeatCopier(IServiceScopeFactory scopes, IOptions<OutboxOptions> outbox, ILogger<SeatCopier> logger) : BackgroundService
{
    private const int RoundSize = 100;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!outbox.Value.Enabled)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = Pause;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var copied = await scope.ServiceProvider.GetRequiredService<SessionCopies>().CopyDueSeatsAsync(RoundSize, stoppingToken);
                failures = 0;
                if (copied == RoundSize)
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
                // Typically the database is unreachable: the marks wait in the table; try again a little slower each time.
                failures++;
                delay = TimeSpan.FromSeconds(Math.Min(30, failures * 2));
                logger.LogWarning(ex, "Seat figures of sessions could not be copied; retrying in {Delay}", delay);
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
