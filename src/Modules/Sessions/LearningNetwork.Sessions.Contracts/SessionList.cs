using LearningNetwork.BuildingBlocks.Contracts;
using MediatR;

namespace LearningNetwork.Sessions.Contracts;

/// <summary>
/// Sessions in start order (GET /api/sessions), filtered and paged: the API's list and the web
/// UI's, which sends it in process. <c>From</c>/<c>To</c> are a date (yyyy-MM-dd, whole days in
/// UTC, <c>To</c> inclusive) or an instant with offset; a session is listed when it starts in that
/// range. Kind and Status are names, as the query string carries them, so a wrong one is named.
/// Staff see drafts; everyone else sees published and cancelled sessions only.
/// </summary>
[CallerMustBe]
public sealed record ListSessions(string? From, string? To, string? Kind, string? Status, int? Page, int? PageSize)
    : IRequest<PagedResult<SessionView>>
{
    /// <summary>Text the title contains, in any case ("budget" finds "Budget workshop"); blank means no filter.</summary>
    public string? Search { get; init; }
}

/// <summary>A session as every session endpoint answers: local times as entered, plus UTC instants.</summary>
public sealed record SessionView(
    Guid Id,
    Guid? SeriesId,
    string Title,
    string? Description,
    SessionKind Kind,
    SessionState Status,
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
    IReadOnlyList<SessionReminderView> Reminders,
    IReadOnlyList<SessionFollowUpView> FollowUps,
    int Sequence,
    string? CancellationReason,
    IReadOnlyList<SessionMaterialView> Materials,
    Guid? LearningNetworkId,
    IReadOnlyDictionary<string, SessionText> Translations);

/// <summary>A reminder this many minutes before the start.</summary>
public sealed record SessionReminderView(int MinutesBefore);

/// <summary>A follow-up this many minutes after the end.</summary>
public sealed record SessionFollowUpView(int MinutesAfter);

/// <summary>A guideline document attached to a session as its material.</summary>
public sealed record SessionMaterialView(Guid GuidelineId, string Title, string Language);
