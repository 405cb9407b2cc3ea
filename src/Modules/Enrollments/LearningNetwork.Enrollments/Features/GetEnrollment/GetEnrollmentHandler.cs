using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.GetEnrollment;

/// <summary>Answers other modules (certificates): one enrollment.</summary>
internal sealed class GetEnrollmentHandler(EnrollmentsDbContext db) : IRequestHandler<Contracts.GetEnrollment, EnrollmentRecord?>
{
    public Task<EnrollmentRecord?> Handle(Contracts.GetEnrollment request, CancellationToken cancellationToken) =>
        db.Enrollments.AsNoTracking().Where(e => e.Id == request.EnrollmentId)
            .Select(e => new EnrollmentRecord(e.Id, e.SessionId, e.ClusterManagerId, e.Status, e.Attendance))
            .SingleOrDefaultAsync(cancellationToken);
}
