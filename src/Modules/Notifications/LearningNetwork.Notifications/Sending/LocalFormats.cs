using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace LearningNetwork.Notifications.Sending;

/// <summary>Dates as a reader of that language expects them, in the agency's zone unless a session has its own.</summary>
internal sealed class LocalFormats(IConfiguration configuration)
{
    private readonly TimeZoneInfo _agencyZone = TimeZoneInfo.FindSystemTimeZoneById(configuration["App:TimeZone"] ?? "Europe/Brussels");

    public static CultureInfo Culture(string language) => language switch
    {
        "nl" => CultureInfo.GetCultureInfo("nl-BE"),
        "fr" => CultureInfo.GetCultureInfo("fr-BE"),
        _ => CultureInfo.GetCultureInfo("en-GB"),
    };

    public string DateTime(DateTimeOffset instant, string language, TimeZoneInfo? zone = null)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone ?? _agencyZone);
        var culture = Culture(language);
        return local.ToString(culture.DateTimeFormat.LongDatePattern, culture) + " " + local.ToString("HH:mm", culture);
    }
}
