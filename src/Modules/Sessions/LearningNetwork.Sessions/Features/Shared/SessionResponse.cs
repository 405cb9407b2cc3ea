using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.GuidelineDocuments.Contracts;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;

namespace LearningNetwork.Sessions.Features.Shared;

public sealed record ReminderRule(int? MinutesBefore);

public sealed record FollowUpRule(int? MinutesAfter);

/// <summary>A session's title and description in one language, as staff send it.</summary>
public sealed record SessionTextInput(string? Title, string? Description);

/// <summary>A session as every endpoint returns it: local times as entered, plus UTC instants.</summary>
internal sealed record SessionResponse(
    Guid Id,
    Guid? SeriesId,
    string Title,
    string? Description,
    SessionKind Kind,
    SessionStatus Status,
    string Start,
    string End,
    string TimeZone,
    DateTime StartsAt,
    DateTime EndsAt,
    string? Location,
    string? OnlineUrl,
    int Capacity,
    int SeatsTaken,
    int SeatsLeft,
    int WaitlistLength,
    string? EnrollmentDeadline,
    DateTime? EnrollmentDeadlineAt,
    IReadOnlyList<ReminderRule> Reminders,
    IReadOnlyList<FollowUpRule> FollowUps,
    int Sequence,
    string? CancellationReason,
    IReadOnlyList<MaterialSummary> Materials,
    Guid? LearningNetworkId,
    IReadOnlyDictionary<string, SessionText> Translations)
{
    public static SessionResponse From(Session s, SeatCount seats, IReadOnlyList<MaterialSummary> materials) => new(
        s.Id,
        s.SeriesId,
        s.Title,
        s.Description,
        s.Kind,
        s.Status,
        ZonedTime.FormatLocal(s.StartLocal),
        ZonedTime.FormatLocal(s.EndLocal),
        s.TimeZone,
        s.StartsAt.UtcDateTime,
        s.EndsAt.UtcDateTime,
        s.Location,
        s.OnlineUrl,
        s.Capacity,
        seats.SeatsTaken,
        Math.Max(0, s.Capacity - seats.SeatsTaken),
        seats.WaitlistLength,
        s.EnrollmentDeadlineLocal is { } deadline ? ZonedTime.FormatLocal(deadline) : null,
        s.EnrollmentDeadlineAt?.UtcDateTime,
        s.ReminderMinutesBefore.Select(m => new ReminderRule(m)).ToArray(),
        s.FollowUpMinutesAfter.Select(m => new FollowUpRule(m)).ToArray(),
        s.Sequence,
        s.CancellationReason,
        materials,
        s.LearningNetworkId,
        s.Translations);
}
