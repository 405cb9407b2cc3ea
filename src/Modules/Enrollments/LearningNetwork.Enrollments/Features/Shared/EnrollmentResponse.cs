using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Domain;

namespace LearningNetwork.Enrollments.Features.Shared;

internal sealed record EnrollmentResponse(
    Guid Id, Guid SessionId, Guid ClusterManagerId, EnrollmentStatus Status, int? WaitlistPosition, Attendance Attendance, DateTime EnrolledAt)
{
    public static EnrollmentResponse From(Enrollment e, int? position = null) =>
        new(e.Id, e.SessionId, e.ClusterManagerId, e.Status, e.Status == EnrollmentStatus.Waitlisted ? position : null, e.Attendance, e.EnrolledAt.UtcDateTime);
}
