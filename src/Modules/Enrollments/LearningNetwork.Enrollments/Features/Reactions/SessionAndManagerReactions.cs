using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Features.Seats;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.Reactions;

/// <summary>A cancelled session ends all its enrollments (the SessionCancelled email tells people; no per-enrollment mail).</summary>
internal sealed class EndEnrollmentsOfCancelledSessionHandler(EnrollmentsDbContext db, TimeProvider clock) : INotificationHandler<SessionCancelled>
{
    public async Task Handle(SessionCancelled notification, CancellationToken cancellationToken)
    {
        var sessionId = notification.Session.SessionId;
        await using var transaction = await db.Database.BeginWithoutSavepointsAsync(cancellationToken);
        var live = await db.Enrollments.Where(e => e.SessionId == sessionId && e.Status != EnrollmentStatus.Cancelled).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        live.ForEach(e => e.Cancel(CancellationCause.SessionCancelled, now, announce: false));
        await db.SaveChangesAsync(cancellationToken);
        await db.Seats.Where(s => s.SessionId == sessionId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.SeatsTaken, 0).SetProperty(s => s.WaitlistLength, 0), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

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
