using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.Enrollments.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LearningNetwork.Enrollments.Features.Shared;

/// <summary>
/// The statements that move seats, each a single statement on the session's ledger row, run inside
/// the caller's transaction. Because every one of them locks that row, enrollments and
/// cancellations of one session queue up behind each other until commit: counts read after
/// one of these statements are exact, on one host or many.
/// </summary>
internal sealed class SeatLedger(EnrollmentsDbContext db)
{
    /// <summary>
    /// A seat if one is free and nobody is waiting for it (the queue goes first), else the end of
    /// the queue: one statement, which also creates the session's ledger row on its first
    /// enrollment. Every SET expression reads the row as it was, so the seat and the queue
    /// change together or not at all. The queue length it returns is the newcomer's position:
    /// everyone already queued is ahead, and the length changes only under this row's lock.
    /// </summary>
    public async Task<SeatOutcome> TakeSeatOrQueueAsync(Guid sessionId, int capacity, CancellationToken cancellationToken)
    {
        // Plain Npgsql on the transaction's own connection: this is the one statement every
        // enrollment runs while it holds the session's row lock, and EF's raw-SQL query pipeline
        // (building, caching and materialising a query per call) was a measurable share of the
        // host's CPU per enrollment (docs/performance.md); every microsecond here is also lock time.
        var transaction = db.Database.RequireTransaction();
        var firstSeat = capacity > 0 ? 1 : 0;
        await using var command = new NpgsqlCommand(TakeSeatOrQueueSql, transaction.Connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid> { TypedValue = sessionId },
                new NpgsqlParameter<int> { TypedValue = capacity },
                new NpgsqlParameter<int> { TypedValue = firstSeat },
                new NpgsqlParameter<int> { TypedValue = 1 - firstSeat },
                new NpgsqlParameter<long> { TypedValue = 1 - firstSeat },
            },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (waitlistLength, waitlistCounter) = (reader.GetInt32(0), reader.GetInt64(1));
        // Taking a seat leaves the queue empty; joining it makes it at least one long.
        return waitlistLength == 0 ? SeatOutcome.Seat : new SeatOutcome(true, waitlistCounter, waitlistLength);
    }

    // Positional parameters: session, capacity, then the first row's seats taken, queue length and counter.
    private const string TakeSeatOrQueueSql = """
        INSERT INTO enrollments.session_seats AS s (session_id, capacity, seats_taken, waitlist_length, waitlist_counter)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (session_id) DO UPDATE SET
            seats_taken = s.seats_taken + (CASE WHEN s.seats_taken < s.capacity AND s.waitlist_length = 0 THEN 1 ELSE 0 END),
            waitlist_length = s.waitlist_length + (CASE WHEN s.seats_taken < s.capacity AND s.waitlist_length = 0 THEN 0 ELSE 1 END),
            waitlist_counter = s.waitlist_counter + (CASE WHEN s.seats_taken < s.capacity AND s.waitlist_length = 0 THEN 0 ELSE 1 END)
        RETURNING s.waitlist_length, s.waitlist_counter
        """;

    /// <summary>
    /// Takes the session's ledger row lock (creating the row if the session has none yet) without
    /// changing it: whoever enrolls in this session after this waits until the transaction ends.
    /// </summary>
    public Task LockAsync(Guid sessionId, int capacity, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO enrollments.session_seats AS s (session_id, capacity, seats_taken, waitlist_length, waitlist_counter)
            VALUES ({sessionId}, {capacity}, 0, 0, 0)
            ON CONFLICT (session_id) DO UPDATE SET capacity = s.capacity
            """, cancellationToken);

    /// <summary>Moves the first in the queue onto a free seat: the seat and the queue place change together.</summary>
    public async Task<bool> TryPromoteOneAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE enrollments.session_seats SET seats_taken = seats_taken + 1, waitlist_length = waitlist_length - 1
            WHERE session_id = {sessionId} AND seats_taken < capacity AND waitlist_length > 0
            """, cancellationToken) == 1;

    /// <summary>
    /// Holds the session's ledger row until the transaction ends, without changing it. A move
    /// changes two sessions' rows; taking them in one order everywhere means two moves in opposite
    /// directions wait for each other instead of deadlocking.
    /// </summary>
    public Task LockAsync(Guid sessionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM enrollments.session_seats WHERE session_id = {sessionId} FOR UPDATE", cancellationToken);

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
}

/// <summary>A seat (Queued false), or a place in the queue: its number (ever growing, it orders arrivals) and position (1 = next).</summary>
internal sealed record SeatOutcome(bool Queued, long WaitlistNumber, int Position)
{
    public static readonly SeatOutcome Seat = new(false, 0, 0);
}
