using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.GetAttendedEnrollments;

/// <summary>Answers other modules (certificates): the enrollments of a manager that were marked Attended.</summary>
internal sealed class GetAttendedEnrollmentsHandler(EnrollmentsDbContext db) : IRequestHandler<Contracts.GetAttendedEnrollments, IReadOnlyList<EnrollmentRecord>>
{
    public async Task<IReadOnlyList<EnrollmentRecord>> Handle(Contracts.GetAttendedEnrollments request, CancellationToken cancellationToken) =>
        await db.Enrollments.AsNoTracking()
            .Where(e => e.ClusterManagerId == request.ClusterManagerId && e.Status == EnrollmentStatus.Confirmed && e.Attendance == Attendance.Attended)
            .Select(e => new EnrollmentRecord(e.Id, e.SessionId, e.ClusterManagerId, e.Status, e.Attendance))
            .ToListAsync(cancellationToken);
}
