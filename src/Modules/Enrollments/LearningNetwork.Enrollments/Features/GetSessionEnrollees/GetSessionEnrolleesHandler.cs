using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.GetSessionEnrollees;

/// <summary>Answers Notifications (reminders, session emails): everyone enrolled in a session, in enrollment order.</summary>
internal sealed class GetSessionEnrolleesHandler(EnrollmentsDbContext db) : IRequestHandler<Contracts.GetSessionEnrollees, IReadOnlyList<Enrollee>>
{
    public async Task<IReadOnlyList<Enrollee>> Handle(Contracts.GetSessionEnrollees request, CancellationToken cancellationToken) =>
        await db.Enrollments.AsNoTracking()
            .Where(e => e.SessionId == request.SessionId)
            .OrderBy(e => e.EnrolledAt)
            .Select(e => new Enrollee(e.Id, e.ClusterManagerId, e.Status, e.Attendance, e.CancellationCause, e.EnrolledAt, e.ConfirmedAt))
            .ToListAsync(cancellationToken);
}
