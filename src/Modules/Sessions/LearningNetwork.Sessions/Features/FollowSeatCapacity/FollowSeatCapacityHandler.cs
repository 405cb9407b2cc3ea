using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.FollowSeatCapacity;

/// <summary>
/// Keeps the session's capacity equal to the one Enrollments decided. It holds the session's row
/// and then asks for the ledger's capacity as it is now, rather than trusting the event's: two
/// changes handled at once, late or out of order, queue on the row and the last to write has read
/// the latest decision.
/// </summary>
internal sealed class FollowSeatCapacityHandler(SessionsDbContext db, IMediator mediator, TimeProvider clock) : INotificationHandler<SeatCapacityChanged>
{
    public async Task Handle(SeatCapacityChanged notification, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginWithoutSavepointsAsync(cancellationToken);
        await db.LockAsync(notification.SessionId, cancellationToken);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == notification.SessionId, cancellationToken);
        if (session is null || await mediator.Send(new GetSeatCapacity(notification.SessionId), cancellationToken) is not { } capacity)
        {
            return;
        }

        session.FollowSeatCapacity(capacity, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
