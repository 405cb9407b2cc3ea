using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.Shared;

internal sealed record ParticipantResponse(
    Guid Id, Guid ClusterManagerId, string FullName, string ClusterName, EnrollmentStatus Status, int? WaitlistPosition, Attendance Attendance, DateTime EnrolledAt)
{
    /// <summary>How to reach them (staff call a participant who does not turn up); empty for an unknown manager.</summary>
    public string Email { get; init; } = "";

    public string? Phone { get; init; }
}

/// <summary>A session's participants for staff (the list, its CSV, attendance): confirmed first, then the waitlist in order, then cancelled.</summary>
internal static class ParticipantList
{
    /// <summary>The session, or a 404 when Sessions does not know it.</summary>
    public static async Task<SessionInfo> SessionAsync(IMediator mediator, Guid sessionId, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetSessions([sessionId]), cancellationToken)).SingleOrDefault() ?? throw new NotFoundException("Session", sessionId);

    public static async Task<IReadOnlyList<ParticipantResponse>> OfAsync(EnrollmentsDbContext db, IMediator mediator, Guid sessionId, CancellationToken cancellationToken)
    {
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.SessionId == sessionId).ToListAsync(cancellationToken);
        var managers = (await mediator.Send(new GetClusterManagers(enrollments.Select(e => e.ClusterManagerId).ToList()), cancellationToken))
            .ToDictionary(m => m.ClusterManagerId);
        var position = 0;
        return enrollments
            .OrderBy(e => e.Status switch { EnrollmentStatus.Confirmed => 0, EnrollmentStatus.Waitlisted => 1, _ => 2 })
            .ThenBy(e => e.WaitlistNumber).ThenBy(e => e.EnrolledAt).ThenBy(e => e.Id)
            .Select(e =>
            {
                var manager = managers.GetValueOrDefault(e.ClusterManagerId);
                return new ParticipantResponse(e.Id, e.ClusterManagerId, manager?.FullName ?? "(unknown)", manager?.ClusterName ?? "",
                    e.Status, e.Status == EnrollmentStatus.Waitlisted ? ++position : null, e.Attendance, e.EnrolledAt.UtcDateTime)
                {
                    Email = manager?.Email ?? "",
                    Phone = manager?.Phone,
                };
            })
            .ToList();
    }
}
