namespace LearningNetwork.BuildingBlocks.Persistence;

/// <summary>
/// Retention deletes (published outbox messages, old emails of the send log): run by the
/// background loops when they start and then every <see cref="Interval"/>, a bounded chunk per
/// statement so that no transaction holds many row locks or runs long beside live traffic.
/// </summary>
public static class Housekeeping
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public const int ChunkSize = 5000;

    /// <summary>
    /// Runs <paramref name="deleteChunk"/> (one statement deleting at most the given number of
    /// rows, returning how many it deleted) until a chunk comes back short; returns the total.
    /// </summary>
    public static async Task<int> DeleteInChunksAsync(Func<int, Task<int>> deleteChunk)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteChunk(ChunkSize);
            total += deleted;
        }
        while (deleted == ChunkSize);

        return total;
    }
}
