using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.GuidelineDocuments.Contracts;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;

namespace LearningNetwork.Sessions.Features.Shared;

public sealed record ReminderRule(int? MinutesBefore);

public sealed record FollowUpRule(int? MinutesAfter);

/// <summary>A session's title and description in one language, as staff send it.</summary>
public sealed record SessionTextInput(string? Title, string? Description);

/// <summary>A session as every endpoint answers it (<see cref="SessionView"/>), from the session, its seat figures and its materials.</summary>
internal static class SessionResponse
{
    public static SessionView From(Session s, SeatCount seats, IReadOnlyList<MaterialSummary> materials) => new(
        s.Id,
        s.SeriesId,
        s.Title,
        s.Description,
        s.Kind,
        s.State,
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
        s.ReminderMinutesBefore.Select(m => new SessionReminderView(m)).ToArray(),
        s.FollowUpMinutesAfter.Select(m => new SessionFollowUpView(m)).ToArray(),
        s.Sequence,
        s.CancellationReason,
        materials.Select(m => new SessionMaterialView(m.GuidelineId, m.Title, m.Language)).ToArray(),
        s.LearningNetworkId,
        s.Translations);
}
