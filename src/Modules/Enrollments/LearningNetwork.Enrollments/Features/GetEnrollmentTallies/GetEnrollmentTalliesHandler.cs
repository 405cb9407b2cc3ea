using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.GetEnrollmentTallies;

/// <summary>
/// Answers the dashboard: sums per session and per manager, computed by PostgreSQL, so the answer
/// stays a few hundred rows however many enrollments a period holds.
/// </summary>
internal sealed class GetEnrollmentTalliesHandler(EnrollmentsDbContext db) : IRequestHandler<Contracts.GetEnrollmentTallies, EnrollmentTallies>
{
    public async Task<EnrollmentTallies> Handle(Contracts.GetEnrollmentTallies request, CancellationToken cancellationToken)
    {
        var ids = request.SessionIds.Distinct().ToList();
        var confirmed =
            from e in db.Enrollments.AsNoTracking()
            where ids.Contains(e.SessionId) && e.Status == EnrollmentStatus.Confirmed
            join f in db.Feedback.AsNoTracking() on e.Id equals f.EnrollmentId into feedback
            from f in feedback.DefaultIfEmpty()
            select new { e.SessionId, e.ClusterManagerId, e.Attendance, Rating = f == null ? (int?)null : f.Rating };

        var bySession = await confirmed.GroupBy(e => e.SessionId)
            .Select(g => new SessionTally(
                g.Key,
                g.Count(),
                g.Count(e => e.Attendance == Attendance.Attended),
                g.Count(e => e.Attendance != Attendance.Unknown),
                g.Count(e => e.Rating != null),
                g.Sum(e => e.Rating ?? 0)))
            .ToListAsync(cancellationToken);
        var byManager = await confirmed.GroupBy(e => e.ClusterManagerId)
            .Select(g => new ManagerTally(g.Key, g.Count(), g.Count(e => e.Attendance == Attendance.Attended)))
            .ToListAsync(cancellationToken);
        return new EnrollmentTallies(bySession, byManager);
    }
}
