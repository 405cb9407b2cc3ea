using Microsoft.Extensions.Options;

namespace LearningNetwork.BuildingBlocks.Outbox;

/// <summary>Configuration section "Outbox".</summary>
public sealed class OutboxOptions
{
    /// <summary>False on instances that must not publish (e.g. a read-only reporting host).</summary>
    public bool Enabled { get; set; } = true;

    public int PollIntervalMilliseconds { get; set; } = 250;

    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failed attempts a message is parked (failed_at set) for a human to look at.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// Published messages are kept this many days for inspection, then deleted (an hourly
    /// housekeeping pass on each publishing instance). Parked messages are never deleted.
    /// </summary>
    public int RetainProcessedDays { get; set; } = 30;
}

/// <summary>Refuses to start with a retention that would delete messages as soon as they are published.</summary>
internal sealed class OutboxOptionsValidation : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options) => options.RetainProcessedDays >= 1
        ? ValidateOptionsResult.Success
        : ValidateOptionsResult.Fail("Outbox:RetainProcessedDays must be at least 1 (published messages are kept that many days).");
}
