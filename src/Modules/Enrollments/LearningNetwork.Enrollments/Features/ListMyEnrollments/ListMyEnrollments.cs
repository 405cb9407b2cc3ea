using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.ListMyEnrollments;

internal sealed record SessionSummary(
    Guid Id, string Title, SessionKind Kind, SessionState Status, string Start, string End, string TimeZone,
    DateTime StartsAt, DateTime EndsAt, string? Location, string? OnlineUrl, IReadOnlyDictionary<string, SessionText> Translations);

internal sealed record MyEnrollmentResponse(
    Guid Id, Guid SessionId, EnrollmentStatus Status, int? WaitlistPosition, Attendance Attendance, DateTime EnrolledAt, SessionSummary Session);

/// <summary>The caller's enrollments with their sessions, soonest first; cancelled ones only on request.</summary>
internal sealed record ListMyEnrollments(bool? IncludeCancelled, int? Page, int? PageSize) : IRequest<PagedResult<MyEnrollmentResponse>>;

internal sealed class ListMyEnrollmentsValidator : AbstractValidator<ListMyEnrollments>
{
    public ListMyEnrollmentsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

internal sealed class ListMyEnrollmentsHandler(EnrollmentsDbContext db, IMediator mediator, ICurrentUser user)
    : IRequestHandler<ListMyEnrollments, PagedResult<MyEnrollmentResponse>>
{
    public async Task<PagedResult<MyEnrollmentResponse>> Handle(ListMyEnrollments request, CancellationToken cancellationToken)
    {
        var managerId = user.ClusterManagerId ?? throw new ForbiddenException("Only cluster managers have enrollments.");
        var query = db.Enrollments.AsNoTracking().Where(e => e.ClusterManagerId == managerId);
        if (request.IncludeCancelled != true)
        {
            query = query.Where(e => e.Status != EnrollmentStatus.Cancelled);
        }

        var enrollments = await query.ToListAsync(cancellationToken);
        var sessions = (await mediator.Send(new GetSessions(enrollments.Select(e => e.SessionId).ToList()), cancellationToken))
            .ToDictionary(s => s.Session.SessionId);
        // Positions from one read of the queues the caller stands in, not one count per enrollment.
        var waitlisted = enrollments.Where(e => e.Status == EnrollmentStatus.Waitlisted).ToList();
        var queuedSessions = waitlisted.Select(e => e.SessionId).ToList();
        var queues = await db.Enrollments.AsNoTracking()
            .Where(o => queuedSessions.Contains(o.SessionId) && o.Status == EnrollmentStatus.Waitlisted)
            .Select(o => new { o.SessionId, o.WaitlistNumber })
            .ToListAsync(cancellationToken);
        var positions = waitlisted.ToDictionary(
            e => e.Id,
            e => queues.Count(q => q.SessionId == e.SessionId && q.WaitlistNumber <= e.WaitlistNumber));

        var paging = new PageRequest(request.Page ?? 1, request.PageSize ?? 50);
        var items = enrollments
            .Where(e => sessions.ContainsKey(e.SessionId))
            .OrderBy(e => sessions[e.SessionId].Session.StartsAt)
            .Select(e => new MyEnrollmentResponse(e.Id, e.SessionId, e.Status, positions.TryGetValue(e.Id, out var p) ? p : null, e.Attendance,
                e.EnrolledAt.UtcDateTime, Summary(sessions[e.SessionId])))
            .ToList();
        return new PagedResult<MyEnrollmentResponse>(items.Skip(paging.Skip).Take(paging.PageSize).ToList(), items.Count);
    }

    private static SessionSummary Summary(SessionInfo info)
    {
        var s = info.Session;
        return new SessionSummary(s.SessionId, s.Title, s.Kind, info.State,
            s.StartLocal.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            s.EndLocal.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            s.TimeZone, s.StartsAt.UtcDateTime, s.EndsAt.UtcDateTime, s.Location, s.OnlineUrl, s.Translations);
    }
}
