namespace LearningNetwork.Sessions.Domain;

/// <summary>A recurring plan of sessions. Each occurrence is an ordinary <see cref="Session"/> carrying the series id.</summary>
internal sealed class SessionSeries
{
    private SessionSeries()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public string Recurrence { get; private set; } = "";

    public string TimeZone { get; private set; } = "";

    public DateTime FirstStartLocal { get; private set; }

    public int DurationMinutes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Expands the rule into draft sessions; occurrences in a DST gap move forward as RFC 5545 says.</summary>
    public static (SessionSeries Series, IReadOnlyList<Session> Sessions) Plan(
        SessionDetails details,
        string timeZone,
        DateTime firstStartLocal,
        int durationMinutes,
        string recurrence,
        ReminderRules rules,
        DateTimeOffset now,
        Guid? learningNetworkId = null)
    {
        var occurrences = Occurrences(timeZone, firstStartLocal, durationMinutes, recurrence);
        var series = new SessionSeries
        {
            Id = Guid.CreateVersion7(now),
            Title = details.Title.Trim(),
            Recurrence = recurrence.Trim(),
            TimeZone = timeZone,
            FirstStartLocal = DateTime.SpecifyKind(firstStartLocal, DateTimeKind.Unspecified),
            DurationMinutes = durationMinutes,
            CreatedAt = now,
        };

        var sessions = occurrences
            .Select(o => Session.Schedule(details, o.StartLocal, o.EndLocal, timeZone, enrollmentDeadlineLocal: null, rules, now, seriesId: series.Id, learningNetworkId))
            .ToList();
        return (series, sessions);
    }

    /// <summary>
    /// The times a series' sessions will have, in its zone: what <see cref="Plan"/> schedules, and
    /// what staff are shown before saving, so the preview and the series cannot differ.
    /// </summary>
    public static IReadOnlyList<SeriesOccurrence> Occurrences(string timeZone, DateTime firstStartLocal, int durationMinutes, string recurrence)
    {
        if (ZonedTime.TryFindZone(timeZone, out var firstZone) && ZonedTime.DoesNotExist(firstStartLocal, firstZone))
        {
            throw new BuildingBlocks.Errors.InvalidFieldException("firstStart", $"{ZonedTime.FormatLocal(firstStartLocal)} does not exist in {timeZone}: the clocks move forward then.");
        }

        var zone = ZonedTime.FindZone(timeZone);
        return Domain.Recurrence.Expand(recurrence, firstStartLocal)
            .Select(start =>
            {
                // An occurrence in the spring-forward gap moves forward by the gap (RFC 5545), and every
                // occurrence lasts the same real time, whatever the clocks do during it.
                var startsAt = ZonedTime.ToInstant(start, zone);
                var endsAt = startsAt.AddMinutes(durationMinutes);
                return new SeriesOccurrence(TimeZoneInfo.ConvertTime(startsAt, zone).DateTime, TimeZoneInfo.ConvertTime(endsAt, zone).DateTime, startsAt, endsAt);
            })
            .ToList();
    }
}

/// <summary>One session of a series: its local start and end in the series' zone, and the instants.</summary>
internal sealed record SeriesOccurrence(DateTime StartLocal, DateTime EndLocal, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
