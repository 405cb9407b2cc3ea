using System.Globalization;
using LearningNetwork.BuildingBlocks.Errors;

namespace LearningNetwork.FundingCalls.Domain;

/// <summary>A deadline's wall-clock time in its IANA zone, and the instant it stands for.</summary>
internal static class DeadlineTime
{
    public const string LocalFormat = "yyyy-MM-ddTHH:mm";

    private static readonly string[] AcceptedFormats = [LocalFormat, "yyyy-MM-ddTHH:mm:ss"];

    public static bool TryParseLocal(string? value, out DateTime local) =>
        DateTime.TryParseExact(value, AcceptedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    public static DateTime ParseLocal(string value) => DateTime.ParseExact(value, AcceptedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>Only real IANA names ("Europe/Brussels").</summary>
    public static bool IsZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    /// <summary>A time skipped by the clocks (spring forward) is refused; an ambiguous one means its first occurrence.</summary>
    public static DateTimeOffset ToInstant(DateTime local, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            throw new InvalidFieldException("deadline", $"{local.ToString(LocalFormat, CultureInfo.InvariantCulture)} does not exist in {timeZone}: the clocks move forward then.");
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
