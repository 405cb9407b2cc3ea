using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.GetSeatCounts;

/// <summary>Answers Sessions (session lists and pages): seats taken and queue length per session; none yet is zero.</summary>
internal sealed class GetSeatCountsHandler(EnrollmentsDbContext db) : IRequestHandler<Contracts.GetSeatCounts, IReadOnlyList<SeatCount>>
{
    // Compiled once: every session list and session page asks this (see SessionListQueries).
    private static readonly Func<EnrollmentsDbContext, Guid[], IAsyncEnumerable<SeatCount>> SeatCountsQuery =
        EF.CompileAsyncQuery((EnrollmentsDbContext db, Guid[] ids) =>
            db.Seats.AsNoTracking().Where(s => ids.Contains(s.SessionId)).Select(s => new SeatCount(s.SessionId, s.SeatsTaken, s.WaitlistLength)));

    public async Task<IReadOnlyList<SeatCount>> Handle(Contracts.GetSeatCounts request, CancellationToken cancellationToken)
    {
        var ids = request.SessionIds.Distinct().ToArray();
        var known = new Dictionary<Guid, SeatCount>(ids.Length);
        await foreach (var count in SeatCountsQuery(db, ids).WithCancellation(cancellationToken))
        {
            known[count.SessionId] = count;
        }

        return ids.Select(id => known.GetValueOrDefault(id) ?? new SeatCount(id, 0, 0)).ToList();
    }
}
