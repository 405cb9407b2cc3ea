namespace LearningNetwork.Testing;

/// <summary>Waits for something that background work makes true (an outbox drained, an email arrived).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException(because ?? "The condition did not become true in time.");
    }

    /// <summary>Waits until the value read satisfies the condition, and returns it.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? timeout = null)
    {
        var value = await read();
        await TrueAsync(async () => condition(value = await read()), timeout, $"The value never became right; last: {value}");
        return value;
    }
}
