using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using LearningNetwork.BuildingBlocks.Errors;

namespace LearningNetwork.Sessions.Domain;

/// <summary>
/// Expands an RFC 5545 RRULE into local start times. The rule must end (COUNT or UNTIL) and
/// yield at most <see cref="MaxOccurrences"/> sessions: a series is a plan, not an open-ended feed.
/// </summary>
internal static class Recurrence
{
    public const int MaxOccurrences = 52;

    /// <summary>Steps of the rule's frequency in a row that yield no session before the rule is refused (about 20 years of months).</summary>
    private const int MaxUnmatchedSteps = 1000;

    private static readonly FrequencyType[] AllowedFrequencies =
        [FrequencyType.Daily, FrequencyType.Weekly, FrequencyType.Monthly, FrequencyType.Yearly];

    public static IReadOnlyList<DateTime> Expand(string rule, DateTime firstStartLocal)
    {
        var pattern = Parse(rule);
        var template = new CalendarEvent
        {
            // Floating (zone-less) start: the rule works in wall-clock time, as staff mean it;
            // each occurrence is turned into an instant in the session's zone afterwards.
            DtStart = new CalDateTime(DateTime.SpecifyKind(firstStartLocal, DateTimeKind.Unspecified)),
            RecurrenceRule = pattern,
        };

        List<DateTime> starts;
        try
        {
            // A rule that never matches (the 30th of February) would otherwise be stepped through
            // towards the year 9999: give up after this many steps that yield nothing.
            starts = template.GetOccurrences(null, new EvaluationOptions { MaxUnmatchedIncrementsLimit = MaxUnmatchedSteps })
                .Take(MaxOccurrences + 1)
                .Select(o => DateTime.SpecifyKind(o.Period.StartTime.Value, DateTimeKind.Unspecified))
                .ToList();
        }
        catch (EvaluationLimitExceededException)
        {
            throw new InvalidFieldException("recurrence", "The rule yields no session (or too few) within many years: check BYMONTHDAY, BYMONTH and BYDAY.");
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InvalidFieldException("recurrence", $"The rule cannot be expanded: {ex.Message}");
        }

        if (starts.Count > MaxOccurrences)
        {
            throw new InvalidFieldException("recurrence", $"The rule yields more than {MaxOccurrences} sessions; lower COUNT or bring UNTIL closer.");
        }

        if (starts.Count == 0)
        {
            throw new InvalidFieldException("recurrence", "The rule yields no session on or after the first start.");
        }

        return starts;
    }

    private static RecurrencePattern Parse(string rule)
    {
        var text = rule.Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["RRULE:".Length..];
        }

        RecurrencePattern pattern;
        try
        {
            pattern = new RecurrencePattern(text);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new InvalidFieldException("recurrence", $"Not a valid RFC 5545 RRULE: {ex.Message}");
        }

        if (!text.Contains("FREQ=", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidFieldException("recurrence", "The rule needs FREQ (DAILY, WEEKLY, MONTHLY or YEARLY).");
        }

        if (!AllowedFrequencies.Contains(pattern.Frequency))
        {
            throw new InvalidFieldException("recurrence", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY.");
        }

        if (pattern.Count is null && pattern.Until is null)
        {
            throw new InvalidFieldException("recurrence", "The rule needs COUNT or UNTIL so the series ends.");
        }

        return pattern;
    }
}
