using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Domain;
using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.EnrollNetworkMembers;

/// <summary>
/// Enrolls a learning network's members in one meeting, all in one transaction. The session's
/// ledger row is locked first, and only then are existing enrollments read: a concurrent
/// enrollment of the same meeting (another host adding members, a manager enrolling) waits for
/// this one to commit, then finds these and skips them, so nobody is enrolled twice. Seats are
/// taken by the same statement as a single enrollment, one member at a time, so capacity holds.
/// </summary>
internal sealed class EnrollNetworkMembersHandler(EnrollmentsDbContext db, SeatLedger ledger, SeatTurnstile turnstile, IMediator mediator, TimeProvider clock, EnrollmentMetrics metrics)
    : IRequestHandler<Contracts.EnrollNetworkMembers, int>
{
    public async Task<int> Handle(Contracts.EnrollNetworkMembers request, CancellationToken cancellationToken)
    {
        var session = (await mediator.Send(new GetSessions([request.SessionId]), cancellationToken)).SingleOrDefault();
        if (session is null || session.State != SessionState.Published || clock.GetUtcNow() >= session.Session.StartsAt)
        {
            return 0;
        }

        var managers = (await mediator.Send(new GetClusterManagers(request.MembersInJoinOrder), cancellationToken))
            .Where(m => m.IsActive).ToDictionary(m => m.ClusterManagerId);
        var wanted = request.MembersInJoinOrder.Distinct().Where(managers.ContainsKey).ToList();
        var newMembers = request.NewMembers.ToHashSet();
        if (wanted.Count == 0)
        {
            return 0;
        }

        var sessionId = session.Session.SessionId;
        using var turn = await turnstile.EnterAsync(sessionId, cancellationToken);
        await using var transaction = await db.Database.BeginWithoutSavepointsAsync(cancellationToken);
        await ledger.LockAsync(sessionId, session.Session.Capacity, cancellationToken);
        var existing = await db.Enrollments.AsNoTracking()
            .Where(e => e.SessionId == sessionId && wanted.Contains(e.ClusterManagerId))
            .Select(e => new { e.ClusterManagerId, Live = e.Status != EnrollmentStatus.Cancelled }).ToListAsync(cancellationToken);
        var skipped = existing.Where(e => e.Live || !newMembers.Contains(e.ClusterManagerId)).Select(e => e.ClusterManagerId).ToHashSet();

        var count = 0;
        var waitlisted = 0;
        foreach (var managerId in wanted.Where(id => !skipped.Contains(id)))
        {
            var seen = new EnrollmentSeen(session.Session, managers[managerId]);
            var seat = await ledger.TakeSeatOrQueueAsync(sessionId, session.Session.Capacity, cancellationToken);
            db.Enrollments.Add(seat.Queued
                ? Enrollment.Waitlisted(sessionId, managerId, session.Session.SeriesId, seat.WaitlistNumber, seat.Position, clock.GetUtcNow(), seen)
                : Enrollment.Confirmed(sessionId, managerId, session.Session.SeriesId, clock.GetUtcNow(), seen, toldOtherwise: newMembers.Contains(managerId)));
            count++;
            waitlisted += seat.Queued ? 1 : 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.Made(EnrollmentStatus.Confirmed, count - waitlisted);
        metrics.Made(EnrollmentStatus.Waitlisted, waitlisted);
        return count;
    }
}
