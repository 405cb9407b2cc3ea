using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.GetEnrollmentFacts;

/// <summary>Answers the host's reports: each confirmed enrollment of these sessions with its attendance and rating.</summary>
internal sealed class GetEnrollmentFactsHandler(EnrollmentsDbContext db) : IRequestHandler<Contracts.GetEnrollmentFacts, IReadOnlyList<EnrollmentFact>>
{
    public async Task<IReadOnlyList<EnrollmentFact>> Handle(Contracts.GetEnrollmentFacts request, CancellationToken cancellationToken)
    {
        var ids = request.SessionIds.Distinct().ToList();
        return await db.Enrollments.AsNoTracking()
            .Where(e => ids.Contains(e.SessionId) && e.Status == EnrollmentStatus.Confirmed)
            .GroupJoin(db.Feedback, e => e.Id, f => f.EnrollmentId, (e, feedback) => new { e, feedback })
            .SelectMany(x => x.feedback.DefaultIfEmpty(), (x, f) => new EnrollmentFact(x.e.SessionId, x.e.ClusterManagerId, x.e.Attendance, f == null ? null : f.Rating))
            .ToListAsync(cancellationToken);
    }
}
