using System.Globalization;
using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.ListSessions;

/// <summary>
/// Sessions in start order. <c>from</c>/<c>to</c> are a date (yyyy-MM-dd, whole days in UTC,
/// <c>to</c> inclusive) or an instant with offset; a session is listed when it starts in that range.
/// </summary>
internal sealed record ListSessions(string? From, string? To, string? Kind, string? Status, int? Page, int? PageSize)
    : IRequest<PagedResult<SessionResponse>>;

internal sealed class ListSessionsValidator : AbstractValidator<ListSessions>
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

internal sealed class ListSessionsHandler(SessionsDbContext db, SessionViews views, ICurrentUser user) : IRequestHandler<ListSessions, PagedResult<SessionResponse>>
{
    public async Task<PagedResult<SessionResponse>> Handle(ListSessions request, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(request.Page ?? 1, request.PageSize ?? 50);
        var query = db.Sessions.AsNoTracking().VisibleTo(user);
        if (request.From is not null && InstantFilter.TryParse(request.From, isUpperBound: false, out var from))
        {
            query = query.Where(s => s.StartsAt >= from);
        }

        if (request.To is not null && InstantFilter.TryParse(request.To, isUpperBound: true, out var to))
        {
            query = query.Where(s => s.StartsAt < to);
        }

        if (request.Kind is not null && InstantFilter.TryParseName<SessionKind>(request.Kind, out var kind))
        {
            query = query.Where(s => s.Kind == kind);
        }

        if (request.Status is not null && InstantFilter.TryParseName<SessionStatus>(request.Status, out var status))
        {
            query = query.Where(s => s.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<SessionResponse>(await views.ManyAsync(page, cancellationToken), total);
    }
}
