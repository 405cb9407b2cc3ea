using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.GetSeatCapacity;

/// <summary>Answers Sessions when it brings its copy of a capacity in line with the seat ledger's.</summary>
internal sealed class GetSeatCapacityHandler(EnrollmentsDbContext db) : IRequestHandler<Contracts.GetSeatCapacity, int?>
{
    public async Task<int?> Handle(Contracts.GetSeatCapacity request, CancellationToken cancellationToken) =>
        await db.Seats.AsNoTracking().Where(s => s.SessionId == request.SessionId).Select(s => (int?)s.Capacity).FirstOrDefaultAsync(cancellationToken);
}
