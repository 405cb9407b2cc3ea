using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.Enrollments.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.Seats;

/// <summary>
/// The statements that move seats, each a single UPDATE on the session's ledger row, run inside
/// the caller's transaction. Because every one of them locks that row, enrollments and
/// cancellations of one session queue up behind each other until commit: counts read after
/// one of these statements are exact, on one host or many.
/// </summary>
internal sealed class SeatLedger(EnrollmentsDbContext db)
{
    // Compiled once: asked by every enrollment that joins a waitlist, while it holds the session's seat row.
    private static readonly Func<EnrollmentsDbContext, Guid, long, CancellationToken, Task<int>> PositionQuery =
        EF.CompileAsyncQuery((EnrollmentsDbContext db, Guid sessionId, long waitlistNumber, CancellationToken _) =>
            db.Enrollments.Count(e => e.SessionId == sessionId && e.Status == Contracts.EnrollmentStatus.Waitlisted && e.WaitlistNumber <= waitlistNumber));

    public Task EnsureAsync(Guid sessionId, int capacity, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO enrollments.session_seats (session_id, capacity, seats_taken, waitlist_length, waitlist_counter)
            VALUES ({sessionId}, {capacity}, 0, 0, 0) ON CONFLICT (session_id) DO NOTHING
            """, cancellationToken);

    /// <summary>Takes a seat if one is free and nobody is waiting for it (the queue goes first).</summary>
    public async Task<bool> TryTakeSeatAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE enrollments.session_seats SET seats_taken = seats_taken + 1
            WHERE session_id = {sessionId} AND seats_taken < capacity AND waitlist_length = 0
            """, cancellationToken) == 1;

    /// <summary>Moves the first in the queue onto a free seat: the seat and the queue place change together.</summary>
    public async Task<bool> TryPromoteOneAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE enrollments.session_seats SET seats_taken = seats_taken + 1, waitlist_length = waitlist_length - 1
            WHERE session_id = {sessionId} AND seats_taken < capacity AND waitlist_length > 0
            """, cancellationToken) == 1;

    /// <summary>Joins the queue; returns the queue number (only ever grows, so it orders arrivals).</summary>
    public async Task<long> JoinWaitlistAsync(Guid sessionId, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<long>($"""
            UPDATE enrollments.session_seats SET waitlist_length = waitlist_length + 1, waitlist_counter = waitlist_counter + 1
            WHERE session_id = {sessionId} RETURNING waitlist_counter AS "Value"
            """).ToListAsync(cancellationToken)).Single();

    public Task ReleaseSeatAsync(Guid sessionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE enrollments.session_seats SET seats_taken = seats_taken - 1 WHERE session_id = {sessionId}", cancellationToken);

    public Task LeaveWaitlistAsync(Guid sessionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE enrollments.session_seats SET waitlist_length = waitlist_length - 1 WHERE session_id = {sessionId}", cancellationToken);

    /// <summary>Sets the capacity unless it would fall below the confirmed count (409).</summary>
    public async Task SetCapacityAsync(Guid sessionId, int capacity, CancellationToken cancellationToken)
    {
        var changed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO enrollments.session_seats AS s (session_id, capacity, seats_taken, waitlist_length, waitlist_counter)
            VALUES ({sessionId}, {capacity}, 0, 0, 0)
            ON CONFLICT (session_id) DO UPDATE SET capacity = EXCLUDED.capacity WHERE s.seats_taken <= EXCLUDED.capacity
            """, cancellationToken);
        if (changed == 0)
        {
            var taken = await db.Seats.Where(s => s.SessionId == sessionId).Select(s => s.SeatsTaken).FirstAsync(cancellationToken);
            throw new ConflictException($"Capacity cannot go below the {taken} confirmed enrollment(s); cancel enrollments first.");
        }
    }

    /// <summary>Position in the queue (1 = next to get a seat) of the holder of this queue number.</summary>
    public Task<int> PositionAsync(Guid sessionId, long waitlistNumber, CancellationToken cancellationToken) =>
        PositionQuery(db, sessionId, waitlistNumber, cancellationToken);
}
