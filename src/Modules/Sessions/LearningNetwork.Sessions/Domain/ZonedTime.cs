using System.Globalization;

namespace LearningNetwork.Sessions.Domain;

/// <summary>
/// A session's wall-clock time in its IANA zone, and the UTC instant it stands for. Staff think
/// in local time ("Tuesday 14:00 in Brussels"); reminders and ordering need instants.
/// </summary>
internal static class ZonedTime
{
    public const string LocalFormat = "yyyy-MM-ddTHH:mm";

    private static readonly string[] AcceptedLocalFormats = [LocalFormat, "yyyy-MM-ddTHH:mm:ss"];

    public static bool TryParseLocal(string? value, out DateTime local) =>
        DateTime.TryParseExact(value, AcceptedLocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    public static string FormatLocal(DateTime local) => local.ToString(LocalFormat, CultureInfo.InvariantCulture);

    /// <summary>Only real IANA names ("Europe/Brussels"), not Windows names or fixed offsets.</summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId)
        {
            return false;
        }

        zone = found;
        return true;
    }

    public static TimeZoneInfo FindZone(string id) =>
        TryFindZone(id, out var zone) ? zone : throw new InvalidOperationException($"Unknown time zone '{id}'.");

    /// <summary>True when the wall-clock time is skipped in that zone (the spring-forward gap).</summary>
    public static bool DoesNotExist(DateTime local, TimeZoneInfo zone) =>
        zone.IsInvalidTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));

    /// <summary>
    /// The instant of a wall-clock time. An ambiguous time (the fall-back hour happens twice) means
    /// its first occurrence, i.e. the one with the larger (summer) offset. A time in the gap is
    /// moved forward by the length of the gap, as RFC 5545 does for recurrences; callers that must
    /// refuse such times check <see cref="DoesNotExist"/> first.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            var firstOffset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, firstOffset).ToUniversalTime();
        }

        if (zone.IsInvalidTime(local))
        {
            // The offset in force just before the gap: 02:30 in a 02:00->03:00 gap becomes 03:30.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, before).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
