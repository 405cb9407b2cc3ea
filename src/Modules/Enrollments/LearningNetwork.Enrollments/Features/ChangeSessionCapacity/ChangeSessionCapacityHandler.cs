using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Enrollments.Features.ChangeSessionCapacity;

/// <summary>
/// Decides a new capacity: refused below the confirmed seats (409); a rise promotes from the
/// waitlist. The capacity, the promotions and the event that tells Sessions commit together, so
/// Sessions' copy follows even when its own save of the edit fails afterwards.
/// </summary>
internal sealed class ChangeSessionCapacityHandler(EnrollmentsDbContext db, SeatLedger ledger, WaitlistPromotion promotion, IMediator mediator, TimeProvider clock)
    : IRequestHandler<Contracts.ChangeSessionCapacity, Unit>
{
    public async Task<Unit> Handle(Contracts.ChangeSessionCapacity request, CancellationToken cancellationToken)
    {
        var session = (await mediator.Send(new GetSessions([request.SessionId]), cancellationToken)).SingleOrDefault()
            ?? throw new NotFoundException("Session", request.SessionId);
        await using var transaction = await db.Database.BeginWithoutSavepointsAsync(cancellationToken);
        await ledger.SetCapacityAsync(request.SessionId, request.Capacity, cancellationToken);
        if (session.State == SessionState.Published)
        {
            await promotion.PromoteAsync(request.SessionId, session.Session.StartsAt, cancellationToken);
        }

        OutboxModel.Add(db.OutboxMessages, new SeatCapacityChanged(request.SessionId, request.Capacity), clock);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
