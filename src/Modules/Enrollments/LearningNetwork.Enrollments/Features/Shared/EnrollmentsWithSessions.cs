using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.Shared;

internal sealed record SessionSummary(
    Guid Id, string Title, SessionKind Kind, SessionState Status, string Start, string End, string TimeZone,
    DateTime StartsAt, DateTime EndsAt, string? Location, string? OnlineUrl, IReadOnlyDictionary<string, SessionText> Translations);

internal sealed record MyEnrollmentResponse(
    Guid Id, Guid SessionId, EnrollmentStatus Status, int? WaitlistPosition, Attendance Attendance, DateTime EnrolledAt, SessionSummary Session);

/// <summary>One manager's enrollments with their sessions, soonest first: what the manager sees of their own, and staff of anyone's.</summary>
internal static class EnrollmentsWithSessions
{
    public static async Task<PagedResult<MyEnrollmentResponse>> ReadAsync(
        EnrollmentsDbContext db, IMediator mediator, Guid managerId, bool includeCancelled, PageRequest paging, CancellationToken cancellationToken)
    {
        var query = db.Enrollments.AsNoTracking().Where(e => e.ClusterManagerId == managerId);
        if (!includeCancelled)
        {
            query = query.Where(e => e.Status != EnrollmentStatus.Cancelled);
        }

        var enrollments = await query.ToListAsync(cancellationToken);
        var sessions = (await mediator.Send(new GetSessions(enrollments.Select(e => e.SessionId).ToList()), cancellationToken))
            .ToDictionary(s => s.Session.SessionId);
        // Positions from one read of the queues the manager stands in, not one count per enrollment.
        var waitlisted = enrollments.Where(e => e.Status == EnrollmentStatus.Waitlisted).ToList();
        var queuedSessions = waitlisted.Select(e => e.SessionId).ToList();
        var queues = await db.Enrollments.AsNoTracking()
            .Where(o => queuedSessions.Contains(o.SessionId) && o.Status == EnrollmentStatus.Waitlisted)
            .Select(o => new { o.SessionId, o.WaitlistNumber })
            .ToListAsync(cancellationToken);
        var positions = waitlisted.ToDictionary(
            e => e.Id,
            e => queues.Count(q => q.SessionId == e.SessionId && q.WaitlistNumber <= e.WaitlistNumber));

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
