using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.FundingCalls.Contracts;

namespace LearningNetwork.FundingCalls.Domain;

/// <summary>
/// A funding call: an instrument cluster managers may apply to, for some cluster types, open from
/// a day until a deadline (local time in its zone, and the instant it stands for). Draft until
/// published; withdrawn stops it; after the deadline a published call reads as closed.
/// </summary>
internal sealed class FundingCall : AggregateRoot
{
    private FundingCall()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public string Instrument { get; private set; } = "";

    public string? Description { get; private set; }

    public string[] EligibleClusterTypes { get; private set; } = [];

    public DateOnly OpensOn { get; private set; }

    public DateTime DeadlineLocal { get; private set; }

    public string TimeZone { get; private set; } = "";

    public DateTimeOffset DeadlineAt { get; private set; }

    public string? Url { get; private set; }

    public Guid[] GuidelineIds { get; private set; } = [];

    public int[] ReminderDaysBefore { get; private set; } = [];

    public FundingCallState State { get; private set; }

    /// <summary>iCalendar SEQUENCE of the deadline event: grows each time the deadline moves.</summary>
    public int Sequence { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>PostgreSQL xmin: two staff members saving the same call at once is a 409, not a lost update.</summary>
    public uint Version { get; private set; }

    public bool IsClosed(DateTimeOffset now) => State == FundingCallState.Published && now >= DeadlineAt;

    public static FundingCall Create(CallDetails details, DateTimeOffset now)
    {
        var call = new FundingCall { Id = Guid.CreateVersion7(now), State = FundingCallState.Draft, CreatedAt = now };
        call.Apply(details, now);
        return call;
    }

    public void Edit(CallDetails details, DateTimeOffset now)
    {
        if (State == FundingCallState.Withdrawn)
        {
            throw new ConflictException("A withdrawn call cannot be changed.");
        }

        var (deadline, reminders) = (DeadlineAt, ReminderDaysBefore);
        Apply(details, now);
        if (DeadlineAt != deadline)
        {
            Sequence++;
        }

        if (State == FundingCallState.Published && (DeadlineAt != deadline || !ReminderDaysBefore.SequenceEqual(reminders)))
        {
            Raise(new FundingCallRescheduled(ToInfo()));
        }
    }

    public void Publish(DateTimeOffset now)
    {
        if (State != FundingCallState.Draft)
        {
            throw new ConflictException($"Only a draft call can be published; this one is {State}.");
        }

        if (now >= DeadlineAt)
        {
            throw new ConflictException("The deadline of this call has passed; move it before publishing.");
        }

        State = FundingCallState.Published;
        PublishedAt = now;
        UpdatedAt = now;
        Raise(new FundingCallPublished(ToInfo()));
    }

    public void Withdraw(DateTimeOffset now)
    {
        if (State == FundingCallState.Withdrawn)
        {
            return;
        }

        State = FundingCallState.Withdrawn;
        UpdatedAt = now;
    }

    public FundingCallInfo ToInfo() => new(
        Id, Title, Instrument, EligibleClusterTypes, DeadlineLocal, TimeZone, DeadlineAt, Url, GuidelineIds, ReminderDaysBefore, State, Sequence);

    private void Apply(CallDetails details, DateTimeOffset now)
    {
        Title = details.Title.Trim();
        Instrument = details.Instrument.Trim();
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        EligibleClusterTypes = details.EligibleClusterTypes.Distinct().Order(StringComparer.Ordinal).ToArray();
        OpensOn = details.OpensOn;
        DeadlineLocal = DateTime.SpecifyKind(details.DeadlineLocal, DateTimeKind.Unspecified);
        TimeZone = details.TimeZone;
        DeadlineAt = DeadlineTime.ToInstant(details.DeadlineLocal, details.TimeZone);
        Url = string.IsNullOrWhiteSpace(details.Url) ? null : details.Url.Trim();
        GuidelineIds = details.GuidelineIds.Distinct().ToArray();
        ReminderDaysBefore = details.ReminderDaysBefore.Distinct().OrderDescending().ToArray();
        if (DateOnly.FromDateTime(DeadlineLocal) < OpensOn)
        {
            throw new InvalidFieldException("deadline", "The deadline is before the call opens.");
        }

        UpdatedAt = now;
    }
}

/// <summary>What staff fill in for a call: shared by create and edit.</summary>
internal sealed record CallDetails(
    string Title, string Instrument, string? Description, IReadOnlyList<string> EligibleClusterTypes, DateOnly OpensOn, DateTime DeadlineLocal,
    string TimeZone, string? Url, IReadOnlyList<Guid> GuidelineIds, IReadOnlyList<int> ReminderDaysBefore);
