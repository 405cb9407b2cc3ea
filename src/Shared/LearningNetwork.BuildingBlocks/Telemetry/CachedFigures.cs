using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace LearningNetwork.BuildingBlocks.Telemetry;

/// <summary>
/// Figures read from the database for observable instruments: read when collected, but at most
/// once per <c>maxAge</c> however often (and from however many threads) they are collected. When the
/// database cannot answer there are no figures (the series go absent, which an alert can see)
/// rather than stale ones presented as current, and it is asked again only after <c>maxAge</c>.
/// </summary>
public sealed class CachedFigures<T>(Func<DateTimeOffset, T> read, TimeSpan maxAge, TimeProvider clock, ILogger logger)
    where T : class
{
    private readonly Lock _gate = new();
    private T? _figures;
    private DateTimeOffset? _readAt;

    public T? Current
    {
        get
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                if (_readAt is { } readAt && now - readAt < maxAge)
                {
                    return _figures;
                }

                try
                {
                    _figures = read(now);
                }
                catch (Exception ex) when (ex is DbException or TimeoutException or InvalidOperationException)
                {
                    logger.LogWarning(ex, "Figures for the metrics could not be read; none are reported until the next try");
                    _figures = null;
                }

                _readAt = now;
                return _figures;
            }
        }
    }
}
