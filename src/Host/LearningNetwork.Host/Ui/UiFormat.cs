using System.Globalization;

namespace LearningNetwork.Host.Ui;

/// <summary>Dates and times as people read them: in the session's own zone, in the page's language.</summary>
public static class UiFormat
{
    private const string ApiLocal = "yyyy-MM-ddTHH:mm";

    /// <summary>Where instants that belong to no session (sent at, uploaded at) are shown: the agency's zone.</summary>
    public static TimeZoneInfo DisplayZone { get; set; } = TimeZoneInfo.Utc;

    public static DateTime ParseLocal(string value) => DateTime.ParseExact(value, ApiLocal, CultureInfo.InvariantCulture);

    /// <summary>"dinsdag 3 februari 2026, 10:00–12:00" (the end's date too when it is another day).</summary>
    public static string When(string start, string end)
    {
        var from = ParseLocal(start);
        var to = ParseLocal(end);
        var day = from.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture);
        return from.Date == to.Date
            ? $"{day}, {from:HH:mm}–{to:HH:mm}"
            : $"{day}, {from:HH:mm} – {to.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture)}, {to:HH:mm}";
    }


    public static string Moment(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), DisplayZone).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The day of an instant in the agency's zone ("3 februari 2026").</summary>
    public static string Day(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), DisplayZone).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Month(DateTime month) => month.ToString("MMM yyyy", CultureInfo.CurrentCulture);

    public static string Percent(double? ratio) => ratio is null ? "–" : ratio.Value.ToString("P0", CultureInfo.CurrentCulture);

    public static string Number(double? value, string format = "0.0") => value is null ? "–" : value.Value.ToString(format, CultureInfo.CurrentCulture);

    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0", CultureInfo.CurrentCulture)} kB",
        _ => $"{(bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.CurrentCulture)} MB",
    };

}
