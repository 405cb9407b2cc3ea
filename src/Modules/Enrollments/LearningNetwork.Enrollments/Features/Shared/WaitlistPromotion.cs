using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.Shared;

/// <summary>
/// Gives free seats to the waitlist, first come first served, until the seats or the queue run
/// out. Call inside the transaction that freed the seat; nobody is promoted once the session has
/// started (a seat at a meeting that is under way helps nobody).
/// </summary>
internal sealed class WaitlistPromotion(EnrollmentsDbContext db, SeatLedger ledger, TimeProvider clock)
{
    public async Task<int> PromoteAsync(Guid sessionId, DateTimeOffset sessionStartsAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now >= sessionStartsAt)
        {
            return 0;
        }

        var promoted = 0;
        while (await ledger.TryPromoteOneAsync(sessionId, cancellationToken))
        {
            var next = await db.Enrollments
                .Where(e => e.SessionId == sessionId && e.Status == EnrollmentStatus.Waitlisted)
                .OrderBy(e => e.WaitlistNumber)
                .FirstAsync(cancellationToken);
            next.Promote(now);
            await db.SaveChangesAsync(cancellationToken);
            promoted++;
        }

        return promoted;
    }
}
