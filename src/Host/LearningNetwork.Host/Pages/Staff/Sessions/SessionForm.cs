using System.Globalization;
using LearningNetwork.Sessions.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>The fields staff fill in for a session; the API checks them, this only shapes the request.</summary>
public sealed class SessionForm
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    /// <summary>Title and description in nl, en and fr; empty ones are left out of the request.</summary>
    public SessionTranslationsForm Translations { get; set; } = new();

    public string Kind { get; set; } = "Training";

    public string? Start { get; set; }

    public string? End { get; set; }

    public string TimeZone { get; set; } = "Europe/Brussels";

    public string? Location { get; set; }

    public string? OnlineUrl { get; set; }

    public int? Capacity { get; set; }

    public string? EnrollmentDeadline { get; set; }

    /// <summary>Minutes before the start, comma-separated; empty means the defaults for the kind.</summary>
    public string? Reminders { get; set; }

    /// <summary>Minutes after the end, comma-separated; empty means the defaults for the kind.</summary>
    public string? FollowUps { get; set; }

    public static readonly IReadOnlyList<string> TimeZones =
        ["Europe/Brussels", "Europe/Amsterdam", "Europe/Paris", "Europe/London", "Europe/Berlin", "UTC", "America/New_York", "Asia/Tokyo"];

    public static SessionForm From(SessionView s) => new()
    {
        Title = s.Title,
        Description = s.Description,
        Translations = SessionTranslationsForm.From(s.Translations),
        Kind = s.Kind.ToString(),
        Start = s.Start,
        End = s.End,
        TimeZone = s.TimeZone,
        Location = s.Location,
        OnlineUrl = s.OnlineUrl,
        Capacity = s.Capacity,
        EnrollmentDeadline = s.EnrollmentDeadline,
        Reminders = string.Join(", ", s.Reminders.Select(r => r.MinutesBefore)),
        FollowUps = string.Join(", ", s.FollowUps.Select(r => r.MinutesAfter)),
    };

    /// <summary>POST /api/sessions; null when a minutes list could not be read (the error is in ModelState).</summary>
    public SessionRequest? ToCreateRequest(ModelStateDictionary modelState) => Request(modelState, withTimes: true);

    /// <summary>PUT /api/sessions/{id}: the same without start and end (those move with a reschedule).</summary>
    public SessionRequest? ToUpdateRequest(ModelStateDictionary modelState) => Request(modelState, withTimes: false);

    private SessionRequest? Request(ModelStateDictionary modelState, bool withTimes)
    {
        var reminders = Minutes(Reminders, "Form.Reminders", modelState);
        var followUps = Minutes(FollowUps, "Form.FollowUps", modelState);
        if (!modelState.IsValid)
        {
            return null;
        }

        return new SessionRequest(
            Title ?? string.Empty, Kind, TimeZone, Capacity,
            Start: withTimes ? Start ?? string.Empty : null,
            End: withTimes ? End ?? string.Empty : null,
            Description: Blank(Description),
            Location: Blank(Location),
            OnlineUrl: Blank(OnlineUrl),
            EnrollmentDeadline: Blank(EnrollmentDeadline),
            Reminders: reminders?.Select(m => new ReminderView(m)).ToList(),
            FollowUps: followUps?.Select(m => new FollowUpView(m)).ToList(),
            // Always sent, so clearing a language's fields removes its translation.
            Translations: Translations.ToRequest());
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<int>? Minutes(string? list, string key, ModelStateDictionary modelState)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return null;
        }

        var minutes = new List<int>();
        foreach (var part in list.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                modelState.AddModelError(key, $"\"{part}\" is not a number of minutes.");
                return null;
            }

            minutes.Add(value);
        }

        return minutes;
    }
}
