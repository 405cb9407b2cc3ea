using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace LearningNetwork.Notifications.Sending;

/// <summary>Dates as a reader of that language expects them, in the agency's zone unless a session has its own.</summary>
internal sealed class LocalFormats(IConfiguration configuration)
{
    private readonly TimeZoneInfo _agencyZone = TimeZoneInfo.FindSystemTimeZoneById(configuration["App:TimeZone"] ?? "Europe/Brussels");

    /// <summary>"dinsdag 2 februari 2027", "Tuesday 2 February 2027", "mardi 2 février 2027".</summary>
    private const string DayPattern = "dddd d MMMM yyyy";

    public static CultureInfo Culture(string language) => language switch
    {
        "nl" => CultureInfo.GetCultureInfo("nl-BE"),
        "fr" => CultureInfo.GetCultureInfo("fr-BE"),
        _ => CultureInfo.GetCultureInfo("en-GB"),
    };

    /// <summary>"dinsdag 2 februari 2027, 14:00–16:00 (Europe/Brussels)": a session's time as its reader expects it.</summary>
    public static string Span(DateTimeOffset start, DateTimeOffset end, string timeZone, string language)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var culture = Culture(language);
        var from = TimeZoneInfo.ConvertTime(start, zone);
        var to = TimeZoneInfo.ConvertTime(end, zone);
        var day = from.ToString(DayPattern, culture);
        var until = from.Date == to.Date ? to.ToString("HH:mm", culture) : to.ToString(DayPattern, culture) + " " + to.ToString("HH:mm", culture);
        return $"{day}, {from.ToString("HH:mm", culture)}–{until} ({timeZone})";
    }

    public string DateTime(DateTimeOffset instant, string language, TimeZoneInfo? zone = null)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone ?? _agencyZone);
        var culture = Culture(language);
        return local.ToString(DayPattern, culture) + " " + local.ToString("HH:mm", culture);
    }
}
