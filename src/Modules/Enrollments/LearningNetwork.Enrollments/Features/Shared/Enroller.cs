using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Domain;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LearningNetwork.Enrollments.Features.Shared;

/// <summary>What enrolling in one session and in a whole series share: whom to enroll, and taking their seat or queue place.</summary>
internal sealed class Enroller(EnrollmentsDbContext db, SeatLedger ledger, SeatTurnstile turnstile, IMediator mediator, ICurrentUser user, TimeProvider clock, EnrollmentMetrics metrics)
{
    private readonly List<EnrollmentStatus> _made = [];

    // Compiled once: asked on every enrollment (see the Sessions module's SessionListQueries).
    private static readonly Func<EnrollmentsDbContext, Guid, Guid, CancellationToken, Task<bool>> HasLiveEnrollment =
        EF.CompileAsyncQuery((EnrollmentsDbContext db, Guid sessionId, Guid managerId, CancellationToken _) =>
            db.Enrollments.Any(e => e.SessionId == sessionId && e.ClusterManagerId == managerId && e.Status != EnrollmentStatus.Cancelled));

    /// <summary>
    /// Runs the enrolling in one transaction and commits it; the seat turns taken inside
    /// (<see cref="SeatTurnstile"/>) are given back only once the transaction is over, committed
    /// or rolled back, so the next request never waits on this one's row lock in PostgreSQL.
    /// </summary>
    public async Task<T> InSeatTransactionAsync<T>(Func<Turns, Task<T>> enroll, CancellationToken cancellationToken)
    {
        using var turns = new Turns();
        await using var transaction = await db.Database.BeginWithoutSavepointsAsync(cancellationToken);
        _made.Clear();
        var result = await enroll(turns);
        await transaction.CommitAsync(cancellationToken);
        foreach (var status in _made.GroupBy(s => s))
        {
            metrics.Made(status.Key, status.Count());
        }

        return result;
    }

    /// <summary>Null when the manager already has a live enrollment in that session.</summary>
    public async Task<EnrollmentResponse?> EnrollOneAsync(SessionInfo session, ClusterManagerSummary manager, Guid? seriesId, Turns turns, CancellationToken cancellationToken)
    {
        var sessionId = session.Session.SessionId;
        var managerId = manager.ClusterManagerId;
        var seen = new EnrollmentSeen(session.Session, manager);
        if (await HasLiveEnrollment(db, sessionId, managerId, cancellationToken))
        {
            return null;
        }

        // The session's turn is held until the transaction ends (see InSeatTransactionAsync).
        turns.Add(await turnstile.EnterAsync(sessionId, cancellationToken));

        // The time of enrollment is read once this request holds the session's ledger row, so
        // enrolledAt follows the order in which requests got their seat or queue number.
        var seat = await ledger.TakeSeatOrQueueAsync(sessionId, session.Session.Capacity, cancellationToken);
        var enrollment = seat is { Queued: true }
            ? Enrollment.Waitlisted(sessionId, managerId, seriesId, seat.WaitlistNumber, seat.Position, clock.GetUtcNow(), seen)
            : Enrollment.Confirmed(sessionId, managerId, seriesId, clock.GetUtcNow(), seen);
        int? position = seat.Queued ? seat.Position : null;
        _made.Add(enrollment.Status);

        // Written at once, untracked: nothing else in this unit of work changes it, and it is
        // written while the session's row is locked (see DirectInserts).
        try
        {
            await DirectInserts.InsertAsync(db, enrollment, clock, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The same manager enrolling twice at the same moment: the other request won.
            throw new ConflictException("This manager is already enrolled in this session.");
        }

        return EnrollmentResponse.From(enrollment, position);
    }

    /// <summary>Whom to enroll: a manager enrolls themselves; staff must say whom, an active manager.</summary>
    public async Task<ClusterManagerSummary> EnrolleeAsync(Guid? requested, CancellationToken cancellationToken)
    {
        Guid managerId;
        if (user.IsStaff)
        {
            managerId = requested ?? throw new InvalidFieldException("clusterManagerId", "Staff name the cluster manager to enroll.");
        }
        else
        {
            managerId = user.ClusterManagerId ?? throw new ForbiddenException("Only cluster managers enroll themselves.");
            if (requested is { } other && other != managerId)
            {
                throw new ForbiddenException("A cluster manager can only enroll themselves.");
            }
        }

        var manager = (await mediator.Send(new GetClusterManagers([managerId]), cancellationToken)).SingleOrDefault();
        if (manager is null)
        {
            throw new InvalidFieldException("clusterManagerId", "There is no cluster manager with this id.");
        }

        if (!manager.IsActive)
        {
            throw new ConflictException("This cluster manager is deactivated.");
        }

        return manager;
    }

    /// <summary>The seat turns a request holds (one per session), given back together once its transaction is over.</summary>
    public sealed class Turns : List<IDisposable>, IDisposable
    {
        public void Dispose() => ForEach(turn => turn.Dispose());
    }
}
