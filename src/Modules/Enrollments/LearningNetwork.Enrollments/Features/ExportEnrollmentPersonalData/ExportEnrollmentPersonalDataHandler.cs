using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.ExportEnrollmentPersonalData;

internal sealed class ExportEnrollmentPersonalDataHandler(EnrollmentsDbContext db) : IRequestHandler<Contracts.ExportEnrollmentPersonalData, EnrollmentPersonalData>
{
    public async Task<EnrollmentPersonalData> Handle(Contracts.ExportEnrollmentPersonalData request, CancellationToken cancellationToken)
    {
        var managerId = request.ClusterManagerId;
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.ClusterManagerId == managerId).OrderBy(e => e.EnrolledAt).ToListAsync(cancellationToken);
        var ids = enrollments.Select(e => e.Id).ToList();
        var feedback = await db.Feedback.AsNoTracking().Where(f => ids.Contains(f.EnrollmentId)).OrderBy(f => f.SubmittedAt).ToListAsync(cancellationToken);
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.ClusterManagerId == managerId, cancellationToken);
        return new EnrollmentPersonalData(
            enrollments.Select(e => new EnrollmentOfPerson(e.Id, e.SessionId, e.Status.ToString(), e.Attendance.ToString(), e.WaitlistNumber, e.EnrolledAt, e.ConfirmedAt, e.CancelledAt, e.CancellationCause?.ToString())).ToList(),
            feedback.Select(f => new FeedbackRecord(f.SessionId, f.Rating, f.Comment, f.SubmittedAt)).ToList(),
            feed is null ? null : new CalendarFeedRecord(feed.CreatedAt));
    }
}
