using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Domain;
using LearningNetwork.Enrollments.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.Shared;

/// <summary>
/// Ends one enrollment and gives back what it held, in one transaction: a confirmed seat goes to
/// the first person on the waitlist, a waitlist place shortens the queue. The enrollment row is
/// re-read under a lock, so two cancellations of the same enrollment free its seat only once.
/// </summary>
internal sealed class EnrollmentEnding(EnrollmentsDbContext db, SeatLedger ledger, WaitlistPromotion promotion, TimeProvider clock)
{
    public async Task<Enrollment> EndAsync(Guid enrollmentId, CancellationCause cause, DateTimeOffset sessionStartsAt, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginWithoutSavepointsAsync(cancellationToken);
        var (enrollment, _) = await EndWithinAsync(enrollmentId, cause, sessionStartsAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return enrollment;
    }

    /// <summary>
    /// The same inside a transaction the caller holds (moving someone ends one enrollment and
    /// makes another in one transaction); the caller commits. An enrollment already cancelled is
    /// returned as it is, with <c>EndedNow</c> false.
    /// </summary>
    public async Task<(Enrollment Enrollment, bool EndedNow)> EndWithinAsync(Guid enrollmentId, CancellationCause cause, DateTimeOffset sessionStartsAt, CancellationToken cancellationToken)
    {
        _ = db.Database.RequireTransaction();
        var enrollment = await db.Enrollments
            .FromSqlInterpolated($"SELECT * FROM enrollments.enrollments WHERE id = {enrollmentId} FOR UPDATE")
            .SingleAsync(cancellationToken);
        if (enrollment.Status == EnrollmentStatus.Cancelled)
        {
            return (enrollment, false);
        }

        var previous = enrollment.Cancel(cause, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        if (previous == EnrollmentStatus.Confirmed)
        {
            await ledger.ReleaseSeatAsync(enrollment.SessionId, cancellationToken);
            await promotion.PromoteAsync(enrollment.SessionId, sessionStartsAt, cancellationToken);
        }
        else
        {
            await ledger.LeaveWaitlistAsync(enrollment.SessionId, cancellationToken);
        }

        return (enrollment, true);
    }
}
