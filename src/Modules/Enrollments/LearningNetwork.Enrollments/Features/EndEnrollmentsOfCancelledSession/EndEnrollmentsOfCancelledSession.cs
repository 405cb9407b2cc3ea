using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.EndEnrollmentsOfCancelledSession;

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
        OutboxModel.Add(db.OutboxMessages, new SeatsOfCancelledSessionReleased(sessionId), clock);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
