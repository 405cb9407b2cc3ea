using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.Seats;

/// <summary>What the Sessions module (and others) ask about seats and enrollees.</summary>
internal sealed class SeatRequestsHandler(EnrollmentsDbContext db, SeatLedger ledger, WaitlistPromotion promotion, IMediator mediator)
    : IRequestHandler<GetSeatCounts, IReadOnlyList<SeatCount>>,
      IRequestHandler<ChangeSessionCapacity, Unit>,
      IRequestHandler<GetSessionEnrollees, IReadOnlyList<Enrollee>>
{
    // Compiled once: every session list and session page asks this (see SessionListQueries).
    private static readonly Func<EnrollmentsDbContext, Guid[], IAsyncEnumerable<SeatCount>> SeatCountsQuery =
        EF.CompileAsyncQuery((EnrollmentsDbContext db, Guid[] ids) =>
            db.Seats.AsNoTracking().Where(s => ids.Contains(s.SessionId)).Select(s => new SeatCount(s.SessionId, s.SeatsTaken, s.WaitlistLength)));

    public async Task<IReadOnlyList<SeatCount>> Handle(GetSeatCounts request, CancellationToken cancellationToken)
    {
        var ids = request.SessionIds.Distinct().ToArray();
        var known = new Dictionary<Guid, SeatCount>(ids.Length);
        await foreach (var count in SeatCountsQuery(db, ids).WithCancellation(cancellationToken))
        {
            known[count.SessionId] = count;
        }

        return ids.Select(id => known.GetValueOrDefault(id) ?? new SeatCount(id, 0, 0)).ToList();
    }

    public async Task<Unit> Handle(ChangeSessionCapacity request, CancellationToken cancellationToken)
    {
        var session = (await mediator.Send(new GetSessions([request.SessionId]), cancellationToken)).SingleOrDefault()
            ?? throw new NotFoundException("Session", request.SessionId);
        await using var transaction = await db.Database.BeginWithoutSavepointsAsync(cancellationToken);
        await ledger.SetCapacityAsync(request.SessionId, request.Capacity, cancellationToken);
        if (session.State == SessionState.Published)
        {
            await promotion.PromoteAsync(request.SessionId, session.Session.StartsAt, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<IReadOnlyList<Enrollee>> Handle(GetSessionEnrollees request, CancellationToken cancellationToken) =>
        await db.Enrollments.AsNoTracking()
            .Where(e => e.SessionId == request.SessionId)
            .OrderBy(e => e.EnrolledAt)
            .Select(e => new Enrollee(e.Id, e.ClusterManagerId, e.Status, e.Attendance, e.CancellationCause, e.EnrolledAt, e.ConfirmedAt))
            .ToListAsync(cancellationToken);
}
