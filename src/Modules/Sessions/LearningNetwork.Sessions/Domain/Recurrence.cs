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
internal static partial class Recurrence
{
    public const int MaxOccurrences = 52;

    /// <summary>Steps of the rule's frequency in a row that yield no session before the rule is refused (about 20 years of months).</summary>
    private const int MaxUnmatchedSteps = 1000;

    /// <summary>The parts RFC 5545 gives an RRULE.</summary>
    private static readonly string[] KnownParts =
        ["FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST"];

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
            // The library's own words are English and name its internals: say it in ours (translated).
            throw new InvalidFieldException("recurrence", "The rule cannot be worked out from this first start: check its parts.");
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

    /// <summary>The library's reading of a rule, or null where it refuses it (its reasons are not for people).</summary>
    private static RecurrencePattern? TryRead(string text)
    {
        try
        {
            var pattern = new RecurrencePattern(text);
            return pattern.Count is <= 0 || pattern.Interval <= 0 ? null : pattern;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// The values the library would pass over without a word (an UNTIL it cannot read counts as
    /// none) are checked here; the others it refuses itself (see <see cref="TryRead"/>).
    /// </summary>
    private static bool ValueMayBeRight(string name, string value) => name switch
    {
        "UNTIL" => UntilValue().IsMatch(value),
        "COUNT" or "INTERVAL" => int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0,
        _ => true,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{8}(T\d{6}Z?)?$")]
    private static partial System.Text.RegularExpressions.Regex UntilValue();

    /// <summary>One part of a rule in a rule of its own, to find which part the library refuses.</summary>
    private static string Alone(string part) =>
        part.StartsWith("FREQ=", StringComparison.OrdinalIgnoreCase) ? part + ";COUNT=1" : "FREQ=DAILY;" + part;

    private static RecurrencePattern Parse(string rule)
    {
        var text = rule.Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["RRULE:".Length..];
        }

        var parts = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == part.Length - 1 || !KnownParts.Contains(part[..equals].ToUpperInvariant()))
            {
                throw new InvalidFieldException("recurrence", $"The part '{part}' of the rule is not understood: write NAME=VALUE pairs, e.g. FREQ=MONTHLY;BYDAY=1TU;COUNT=6.");
            }

            if (!ValueMayBeRight(part[..equals].ToUpperInvariant(), part[(equals + 1)..]))
            {
                throw new InvalidFieldException("recurrence", $"The value in '{part}' of the rule is not valid.");
            }
        }

        if (!text.Contains("FREQ=", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidFieldException("recurrence", "The rule needs FREQ (DAILY, WEEKLY, MONTHLY or YEARLY).");
        }

        var pattern = TryRead(text)
            ?? throw new InvalidFieldException("recurrence", parts.FirstOrDefault(part => TryRead(Alone(part)) is null) is { } wrong
                ? $"The value in '{wrong}' of the rule is not valid."
                : "This is not a valid recurrence rule (RFC 5545 RRULE), e.g. FREQ=MONTHLY;BYDAY=1TU;COUNT=6.");

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
