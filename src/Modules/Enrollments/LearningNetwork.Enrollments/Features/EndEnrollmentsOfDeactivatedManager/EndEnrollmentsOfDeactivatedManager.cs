using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.EndEnrollmentsOfDeactivatedManager;

/// <summary>A deactivated manager's upcoming enrollments end, and their seats go to the waitlist.</summary>
internal sealed class EndEnrollmentsOfDeactivatedManagerHandler(
    EnrollmentsDbContext db, EnrollmentEnding ending, IMediator mediator, TimeProvider clock)
    : INotificationHandler<ClusterManagerDeactivated>
{
    public async Task Handle(ClusterManagerDeactivated notification, CancellationToken cancellationToken)
    {
        var live = await db.Enrollments.AsNoTracking()
            .Where(e => e.ClusterManagerId == notification.ClusterManagerId && e.Status != EnrollmentStatus.Cancelled)
            .Select(e => new { e.Id, e.SessionId })
            .ToListAsync(cancellationToken);
        if (live.Count == 0)
        {
            return;
        }

        var sessions = (await mediator.Send(new GetSessions(live.Select(e => e.SessionId).ToList()), cancellationToken))
            .ToDictionary(s => s.Session.SessionId);
        var now = clock.GetUtcNow();
        foreach (var item in live.Where(e => sessions.TryGetValue(e.SessionId, out var s) && s.Session.StartsAt > now).OrderBy(e => sessions[e.SessionId].Session.StartsAt))
        {
            await ending.EndAsync(item.Id, CancellationCause.ManagerDeactivated, sessions[item.SessionId].Session.StartsAt, cancellationToken);
        }
    }
}
