using System.Globalization;
using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;

namespace LearningNetwork.Sessions.Features.ListSessions;

internal sealed class ListSessionsValidator : AbstractValidator<Contracts.ListSessions>
{
    public ListSessionsValidator()
    {
        RuleFor(x => x.From).Must(v => v is null || InstantFilter.TryParse(v, isUpperBound: false, out _))
            .WithMessage("Use a date (yyyy-MM-dd) or an instant with offset (2027-01-05T09:00:00Z).");
        RuleFor(x => x.To).Must(v => v is null || InstantFilter.TryParse(v, isUpperBound: true, out _))
            .WithMessage("Use a date (yyyy-MM-dd) or an instant with offset (2027-01-05T09:00:00Z).");
        RuleFor(x => x.Kind).Must(v => v is null || InstantFilter.TryParseName<SessionKind>(v, out _))
            .WithMessage("Kind is Training or LearningNetworkMeeting.");
        RuleFor(x => x.Status).Must(v => v is null || InstantFilter.TryParseName<SessionStatus>(v, out _))
            .WithMessage("Status is Draft, Published or Cancelled.");
        RuleFor(x => x.Search).MaximumLength(200);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

internal static class InstantFilter
{
    /// <summary>An enum by name only: "5" is not a kind, even if Enum.TryParse would take it.</summary>
    public static bool TryParseName<T>(string value, out T parsed)
        where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && !char.IsDigit(value.TrimStart('-')[0]);

    public static bool TryParse(string value, bool isUpperBound, out DateTimeOffset instant)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var day = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            instant = isUpperBound ? day.AddDays(1) : day;
            return true;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out instant)
            && (value.EndsWith('Z') || value.Contains('+', StringComparison.Ordinal) || value.LastIndexOf('-') > 9);
    }
}

/// <summary>
/// One statement per page: the sessions, their copies of seat figures and materials
/// (<see cref="SessionCopy"/>), and the total. A single session (GET /api/sessions/{id}) is answered
/// from the owners instead, so whoever just enrolled sees their own seat at once.
/// </summary>
internal sealed class ListSessionsHandler(SessionsDbContext db, ICurrentUser user) : IRequestHandler<Contracts.ListSessions, PagedResult<SessionView>>
{
    public async Task<PagedResult<SessionView>> Handle(Contracts.ListSessions request, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(request.Page ?? 1, request.PageSize ?? 50);
        var filter = new SessionFilter(
            user.IsStaff,
            request.From is not null && InstantFilter.TryParse(request.From, isUpperBound: false, out var from) ? from : null,
            request.To is not null && InstantFilter.TryParse(request.To, isUpperBound: true, out var to) ? to : null,
            request.Kind is not null && InstantFilter.TryParseName<SessionKind>(request.Kind, out var kind) ? kind : null,
            request.Status is not null && InstantFilter.TryParseName<SessionStatus>(request.Status, out var status) ? status : null,
            TitlePattern(request.Search));
        var items = new List<SessionView>(paging.PageSize);
        int? total = null;
        await foreach (var row in SessionListQueries.Page(db, filter.Staff, filter.From, filter.To, filter.Kind, filter.Status, filter.Title, paging.Skip, paging.PageSize)
            .WithCancellation(cancellationToken))
        {
            total = row.Total;
            items.Add(SessionResponse.From(
                row.Session, new SeatCount(row.Session.Id, row.Copy?.SeatsTaken ?? 0, row.Copy?.WaitlistLength ?? 0), row.Copy?.Materials ?? []));
        }

        // An empty page carries no total: zero on the first page, counted on a page past the end.
        total ??= paging.Skip == 0
            ? 0
            : await SessionListQueries.Count(db, filter.Staff, filter.From, filter.To, filter.Kind, filter.Status, filter.Title, cancellationToken);
        return new PagedResult<SessionView>(items, total.Value);
    }

    /// <summary>An ILIKE pattern for the search, its own % and _ taken literally; null for no search.</summary>
    private static string? TitlePattern(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? null
            : "%" + search.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";

    private sealed record SessionFilter(bool Staff, DateTimeOffset? From, DateTimeOffset? To, SessionKind? Kind, SessionStatus? Status, string? Title);
}

internal sealed record ListedSession(Session Session, SessionCopy? Copy, int Total);
