using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.GuidelineDocuments.Contracts;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.Shared;

/// <summary>What of the owners' facts a copy is brought in line with.</summary>
[Flags]
internal enum CopiedFacts
{
    Seats = 1,
    Materials = 2,
}

/// <summary>
/// Brings sessions' copies (<see cref="SessionCopy"/>) in line with their owners. It holds the
/// copies' rows first and only then asks the owners what is true now, rather than trusting what
/// an event said: events handled at once, late or out of order queue on the row, and whichever
/// writes last has read the latest state.
/// </summary>
/// <remarks>
/// Seat figures change with every enrollment, so their events only mark the copy
/// (<see cref="MarkSeatsAsync"/>, one statement) and <see cref="CopyDueSeatsAsync"/> copies all
/// marked sessions together: a popular session's fifty enrollments cost one question to
/// Enrollments, not fifty. A mark made while a copy is being made waits for its row and counts
/// for the next round, so no change is missed.
/// </remarks>
internal sealed class SessionCopies(SessionsDbContext db, IMediator mediator)
{
    /// <summary>
    /// A copy created here starts from nothing, which is right for a session whose every change
    /// since has its own event; only the copies the migration made for older sessions wait
    /// (<see cref="SessionCopy.AwaitingFirstCopy"/>) for <see cref="MissingSessionCopies"/>.
    /// </summary>
    public async Task MarkSeatsAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sessions.session_copies (session_id, seats_taken, waitlist_length, seat_marks, seat_marks_copied, awaiting_first_copy)
            VALUES ({sessionId}, 0, 0, 1, 0, false)
            ON CONFLICT (session_id) DO UPDATE SET seat_marks = session_copies.seat_marks + 1
            """, cancellationToken);

    /// <summary>Copies the seat figures of up to <paramref name="max"/> marked sessions; returns how many. Hosts doing this at once skip each other's rows.</summary>
    public async Task<int> CopyDueSeatsAsync(int max, CancellationToken cancellationToken)
    {
        // Most rounds find nothing due: one statement to say so, rather than a transaction's three round trips.
        if (!await db.SessionCopies.AnyAsync(c => c.SeatMarks > c.SeatMarksCopied, cancellationToken))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginWithoutSavepointsAsync(cancellationToken);
        var due = await db.SessionCopies
            .FromSql($"SELECT * FROM sessions.session_copies WHERE seat_marks > seat_marks_copied ORDER BY session_id LIMIT {max} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var seats = (await mediator.Send(new GetSeatCounts(due.Select(c => c.SessionId).ToList()), cancellationToken)).ToDictionary(c => c.SessionId);
        foreach (var copy in due)
        {
            CopySeats(copy, seats);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    public async Task CopyAsync(IReadOnlyCollection<Guid> sessionIds, CopiedFacts facts, CancellationToken cancellationToken)
    {
        var ids = sessionIds.Distinct().Order().ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginWithoutSavepointsAsync(cancellationToken);
        // Creates the rows that are missing and locks them all, in id order (no deadlock between two callers).
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sessions.session_copies (session_id, seats_taken, waitlist_length, seat_marks, seat_marks_copied, awaiting_first_copy)
            SELECT unnest({ids}), 0, 0, 0, 0, false
            ON CONFLICT (session_id) DO UPDATE SET session_id = excluded.session_id
            """, cancellationToken);
        var seats = facts.HasFlag(CopiedFacts.Seats)
            ? (await mediator.Send(new GetSeatCounts(ids), cancellationToken)).ToDictionary(c => c.SessionId)
            : null;
        var materials = facts.HasFlag(CopiedFacts.Materials) ? await mediator.Send(new GetSessionMaterials(ids), cancellationToken) : null;
        foreach (var copy in await db.SessionCopies.Where(c => ids.Contains(c.SessionId)).ToListAsync(cancellationToken))
        {
            if (seats is not null)
            {
                CopySeats(copy, seats);
            }

            if (materials is not null)
            {
                copy.Materials = materials.GetValueOrDefault(copy.SessionId) ?? [];
            }

            copy.AwaitingFirstCopy = false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The marks counted while the row was held are all covered: the figures were read after.</summary>
    private static void CopySeats(SessionCopy copy, Dictionary<Guid, SeatCount> seats)
    {
        var count = seats.GetValueOrDefault(copy.SessionId);
        (copy.SeatsTaken, copy.WaitlistLength) = (count?.SeatsTaken ?? 0, count?.WaitlistLength ?? 0);
        copy.SeatMarksCopied = copy.SeatMarks;
    }
}
