using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.GetEnrollmentTallies;

/// <summary>
/// Answers the dashboard. The per-session sums are read from the figures the database keeps
/// (one row per session); the per-manager sums are added up from the confirmed enrollments'
/// index alone, as they depend on which sessions the period holds.
/// </summary>
internal sealed class GetEnrollmentTalliesHandler(EnrollmentsDbContext db) : IRequestHandler<Contracts.GetEnrollmentTallies, EnrollmentTallies>
{
    public async Task<EnrollmentTallies> Handle(Contracts.GetEnrollmentTallies request, CancellationToken cancellationToken)
    {
        var ids = request.SessionIds.Distinct().ToList();
        var bySession = await db.SessionFigures.AsNoTracking()
            .Where(f => ids.Contains(f.SessionId) && f.Confirmed > 0)
            .Select(f => new SessionTally(f.SessionId, f.Confirmed, f.Attended, f.Marked, f.Ratings, f.RatingSum))
            .ToListAsync(cancellationToken);
        var byManager = await db.Enrollments.AsNoTracking()
            .Where(e => ids.Contains(e.SessionId) && e.Status == EnrollmentStatus.Confirmed)
            .GroupBy(e => e.ClusterManagerId)
            .Select(g => new ManagerTally(g.Key, g.Count(), g.Count(e => e.Attendance == Attendance.Attended)))
            .ToListAsync(cancellationToken);
        return new EnrollmentTallies(bySession, byManager);
    }
}
