using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Sessions.Contracts;

namespace LearningNetwork.Sessions.Domain;

/// <summary>
/// A training session or learning-network meeting. Its times are kept as staff entered them
/// (local wall-clock time plus IANA zone) and as the UTC instants derived from them.
/// </summary>
internal sealed class Session : AggregateRoot
{
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(14);

    /// <summary>Edits of what enrollees see within this time after the first one make one notice.</summary>
    public static readonly TimeSpan DefaultNoticeWindow = TimeSpan.FromMinutes(1);

    private Session()
    {
    }

    public Guid Id { get; private set; }

    public Guid? SeriesId { get; private set; }

    /// <summary>The learning network this is a meeting of (set when scheduled, never moved to another network).</summary>
    public Guid? LearningNetworkId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    /// <summary>Title and description in other languages ("nl", "en", "fr"), beside the default ones above.</summary>
    public IReadOnlyDictionary<string, SessionText> Translations { get; private set; } = SessionText.None;

    public SessionKind Kind { get; private set; }

    public SessionStatus Status { get; private set; }

    public string TimeZone { get; private set; } = "";

    public DateTime StartLocal { get; private set; }

    public DateTime EndLocal { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string? Location { get; private set; }

    public string? OnlineUrl { get; private set; }

    public int Capacity { get; private set; }

    public DateTime? EnrollmentDeadlineLocal { get; private set; }

    public DateTimeOffset? EnrollmentDeadlineAt { get; private set; }

    public int[] ReminderMinutesBefore { get; private set; } = [];

    public int[] FollowUpMinutesAfter { get; private set; } = [];

    /// <summary>iCalendar SEQUENCE: grows with each reschedule, and each change of what enrollees see, so calendars replace the old entry.</summary>
    public int Sequence { get; private set; }

    /// <summary>
    /// When confirmed enrollees hear of the latest change of what they see: edits before then go
    /// into that one notice. Null until the first such edit after publication.
    /// </summary>
    public DateTimeOffset? UpdateNoticeDueAt { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>PostgreSQL xmin: two staff members saving the same session at once is a 409, not a lost update.</summary>
    public uint Version { get; private set; }

    public bool HasStarted(DateTimeOffset now) => now >= StartsAt;

    public static Session Schedule(
        SessionDetails details,
        DateTime startLocal,
        DateTime endLocal,
        string timeZone,
        DateTime? enrollmentDeadlineLocal,
        ReminderRules rules,
        DateTimeOffset now,
        Guid? seriesId = null,
        Guid? learningNetworkId = null)
    {
        var session = new Session
        {
            Id = Guid.CreateVersion7(now),
            SeriesId = seriesId,
            LearningNetworkId = learningNetworkId,
            Status = SessionStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        session.ApplyDetails(details);
        session.ApplyRules(rules);
        session.ApplyTimes(startLocal, endLocal, timeZone, enrollmentDeadlineLocal, now);
        return session;
    }

    /// <param name="noticeWindow">
    /// How long after a change of what enrollees see they are told of it (one minute unless told);
    /// further changes within that time go into the same notice (docs/api.md, "Reaching people").
    /// </param>
    public void Edit(SessionDetails details, string timeZone, DateTime? enrollmentDeadlineLocal, ReminderRules? rules, DateTimeOffset now, TimeSpan? noticeWindow = null)
    {
        // The capacity is the Enrollments module's decision (it holds the seats), made before this
        // method runs; the session keeps a copy (see FollowSeatCapacity).
        EnsureNotCancelled();
        var previousCapacity = Capacity;
        var (previousStart, previousEnd) = (StartsAt, EndsAt);
        var previousContent = Content();
        ApplyDetails(details);
        if (rules is not null)
        {
            ApplyRules(rules);
        }

        var zoneChanged = timeZone != TimeZone;
        if (zoneChanged && HasStarted(now))
        {
            throw new ConflictException("The time zone of a session that has started cannot change.");
        }

        ApplyTimes(StartLocal, EndLocal, timeZone, enrollmentDeadlineLocal, now, requireFuture: zoneChanged);
        UpdatedAt = now;
        if (Status != SessionStatus.Published)
        {
            return;
        }

        var contentChanged = Content() != previousContent;
        if (StartsAt != previousStart || EndsAt != previousEnd)
        {
            // The reschedule notice shows the session as it now is, new place and title included.
            Sequence++;
            Raise(new SessionRescheduled(ToSnapshot(), previousStart, previousEnd));
        }
        else
        {
            if (contentChanged)
            {
                // Calendars replace the entry; enrollees are told once per window, of the state at its end.
                Sequence++;
                if (UpdateNoticeDueAt is not { } due || due <= now)
                {
                    UpdateNoticeDueAt = now + (noticeWindow ?? DefaultNoticeWindow);
                    Raise(new SessionUpdateNoticePlanned(Id, UpdateNoticeDueAt.Value));
                }
            }

            Raise(new SessionDetailsChanged(ToSnapshot()));
        }

        if (Capacity != previousCapacity)
        {
            Raise(new SessionCapacityChanged(Id, previousCapacity, Capacity));
        }
    }

    /// <summary>
    /// Brings the copy of the capacity in line with the seat ledger's, which decides it. Nothing
    /// an enrollee sees in their calendar changes, so no notice and no new SEQUENCE.
    /// </summary>
    public void FollowSeatCapacity(int capacity, DateTimeOffset now)
    {
        if (capacity == Capacity)
        {
            return;
        }

        var previousCapacity = Capacity;
        Capacity = capacity;
        UpdatedAt = now;
        Raise(new SessionCapacityChanged(Id, previousCapacity, Capacity));
    }

    public void Publish(DateTimeOffset now)
    {
        if (Status != SessionStatus.Draft)
        {
            throw new ConflictException($"Only a draft session can be published; this one is {Status}.");
        }

        if (HasStarted(now))
        {
            throw new ConflictException("This session has already started; reschedule it before publishing.");
        }

        Status = SessionStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
        Raise(new SessionPublished(ToSnapshot()));
    }

    public void Reschedule(DateTime startLocal, DateTime endLocal, DateTimeOffset now)
    {
        EnsureNotCancelled();
        if (HasStarted(now))
        {
            throw new ConflictException("A session that has started cannot be rescheduled.");
        }

        var (previousStart, previousEnd) = (StartsAt, EndsAt);
        // The enrollment deadline keeps its distance to the start ("two days before" stays so).
        var deadline = EnrollmentDeadlineLocal + (startLocal - StartLocal);
        ApplyTimes(startLocal, endLocal, TimeZone, deadline, now);
        if (StartsAt == previousStart && EndsAt == previousEnd)
        {
            return;
        }

        Sequence++;
        UpdatedAt = now;
        if (Status == SessionStatus.Published)
        {
            Raise(new SessionRescheduled(ToSnapshot(), previousStart, previousEnd));
        }
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        EnsureNotCancelled();
        if (now >= EndsAt)
        {
            throw new ConflictException("A session that has already ended cannot be cancelled.");
        }

        var wasPublished = Status == SessionStatus.Published;
        Status = SessionStatus.Cancelled;
        CancellationReason = reason;
        CancelledAt = now;
        UpdatedAt = now;
        Sequence++;
        if (wasPublished)
        {
            Raise(new SessionCancelled(ToSnapshot(), reason));
        }
    }

    public SessionState State => Status switch
    {
        SessionStatus.Published => SessionState.Published,
        SessionStatus.Cancelled => SessionState.Cancelled,
        _ => SessionState.Draft,
    };

    public SessionSnapshot ToSnapshot() => new(
        Id, SeriesId, Title, Kind, TimeZone, StartLocal, EndLocal, StartsAt, EndsAt, Location, OnlineUrl,
        Capacity, EnrollmentDeadlineAt, ReminderMinutesBefore, FollowUpMinutesAfter, Sequence)
    {
        LearningNetworkId = LearningNetworkId,
        Description = Description,
        Translations = Translations,
    };

    /// <summary>The title in this language when staff translated it, else the default (as <see cref="SessionSnapshot.TitleIn"/>).</summary>
    public string TitleIn(string? language) => ToSnapshot().TitleIn(language);

    /// <summary>The description in this language when staff translated the session, else the default.</summary>
    public string? DescriptionIn(string? language) => ToSnapshot().DescriptionIn(language);

    /// <summary>What enrollees see of the session, apart from its times, in a form that compares by value.</summary>
    private string Content() => System.Text.Json.JsonSerializer.Serialize(new
    {
        Title,
        Description,
        Translations = Translations.OrderBy(t => t.Key, StringComparer.Ordinal).ToList(),
        Location,
        OnlineUrl,
    });

    private void ApplyDetails(SessionDetails details)
    {
        Title = details.Title.Trim();
        Description = Blank(details.Description);
        if (details.Translations is { } translations)
        {
            Translations = translations
                .Where(t => !string.IsNullOrWhiteSpace(t.Value.Title))
                .OrderBy(t => t.Key, StringComparer.Ordinal)
                .ToDictionary(t => t.Key, t => new SessionText(t.Value.Title.Trim(), Blank(t.Value.Description)), StringComparer.Ordinal);
        }

        Kind = details.Kind;
        Location = Blank(details.Location);
        OnlineUrl = Blank(details.OnlineUrl);
        Capacity = details.Capacity;
    }

    private void ApplyRules(ReminderRules rules)
    {
        ReminderMinutesBefore = rules.MinutesBefore;
        FollowUpMinutesAfter = rules.MinutesAfter;
    }

    private void ApplyTimes(DateTime startLocal, DateTime endLocal, string timeZone, DateTime? deadlineLocal, DateTimeOffset now, bool requireFuture = true)
    {
        if (!ZonedTime.TryFindZone(timeZone, out var zone))
        {
            throw new InvalidFieldException("timeZone", $"'{timeZone}' is not an IANA time zone such as Europe/Brussels.");
        }

        // Every rule that can be checked is checked, so a form learns all its mistakes at once.
        var errors = new FieldErrors();
        if (ZonedTime.DoesNotExist(startLocal, zone))
        {
            errors.Add("start", $"{ZonedTime.FormatLocal(startLocal)} does not exist in {timeZone}: the clocks move forward then.");
        }

        if (ZonedTime.DoesNotExist(endLocal, zone))
        {
            errors.Add("end", $"{ZonedTime.FormatLocal(endLocal)} does not exist in {timeZone}: the clocks move forward then.");
        }

        if (deadlineLocal is { } deadlineToCheck && ZonedTime.DoesNotExist(deadlineToCheck, zone))
        {
            errors.Add("enrollmentDeadline", $"{ZonedTime.FormatLocal(deadlineToCheck)} does not exist in {timeZone}.");
        }

        // The instants below need times that exist.
        errors.ThrowIfAny();
        var startsAt = ZonedTime.ToInstant(startLocal, zone);
        var endsAt = ZonedTime.ToInstant(endLocal, zone);
        if (endsAt <= startsAt)
        {
            errors.Add("end", "The end must be after the start.");
        }
        else if (endsAt - startsAt > MaxDuration)
        {
            errors.Add("end", $"A session lasts at most {MaxDuration.TotalDays} days.");
        }

        if (requireFuture && startsAt <= now)
        {
            errors.Add("start", "The start must be in the future.");
        }

        DateTimeOffset? deadlineAt = deadlineLocal is { } deadline ? ZonedTime.ToInstant(deadline, zone) : null;
        if (deadlineAt > startsAt)
        {
            errors.Add("enrollmentDeadline", "The enrollment deadline must not be after the start.");
        }

        errors.ThrowIfAny();
        TimeZone = zone.Id;
        StartLocal = DateTime.SpecifyKind(startLocal, DateTimeKind.Unspecified);
        EndLocal = DateTime.SpecifyKind(endLocal, DateTimeKind.Unspecified);
        StartsAt = startsAt;
        EndsAt = endsAt;
        EnrollmentDeadlineLocal = deadlineLocal is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Unspecified) : null;
        EnrollmentDeadlineAt = deadlineAt;
    }

    private void EnsureNotCancelled()
    {
        if (Status == SessionStatus.Cancelled)
        {
            throw new ConflictException("This session is cancelled.");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
