using System.Text.Json.Serialization;
using FluentValidation;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.MoveEnrollment;

/// <summary>
/// Staff move a participant to another session: the new enrollment (a seat, or the waitlist when
/// that session is full) and the end of the old one happen in one transaction, or neither does.
/// The seat freed goes to the old session's waitlist as with any cancellation, and the person
/// gets the usual emails: the old enrollment's cancellation and the new one's confirmation.
/// </summary>
internal sealed record MoveEnrollment : IRequest<EnrollmentResponse>
{
    [JsonIgnore]
    public Guid EnrollmentId { get; init; }

    /// <summary>The session to move to.</summary>
    public Guid? SessionId { get; init; }
}

internal sealed class MoveEnrollmentValidator : AbstractValidator<MoveEnrollment>
{
    public MoveEnrollmentValidator() =>
        RuleFor(x => x.SessionId).NotEmpty().WithMessage("Name the session to move to.");
}

internal sealed class MoveEnrollmentHandler(
    EnrollmentsDbContext db, Enroller enroller, EnrollmentEnding ending, SeatLedger ledger, IMediator mediator, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<MoveEnrollment, EnrollmentResponse>
{
    public async Task<EnrollmentResponse> Handle(MoveEnrollment request, CancellationToken cancellationToken)
    {
        var enrollment = await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.EnrollmentId, cancellationToken)
            ?? throw new NotFoundException("Enrollment", request.EnrollmentId);
        if (enrollment.Status == EnrollmentStatus.Cancelled)
        {
            throw new ConflictException("This enrollment is cancelled: there is nobody to move.");
        }

        var targetId = request.SessionId!.Value;
        if (targetId == enrollment.SessionId)
        {
            throw new InvalidFieldException("sessionId", "The participant is already in this session: choose another one.");
        }

        var sessions = await mediator.Send(new GetSessions([enrollment.SessionId, targetId]), cancellationToken);
        var source = sessions.Single(s => s.Session.SessionId == enrollment.SessionId);
        var target = sessions.SingleOrDefault(s => s.Session.SessionId == targetId)
            ?? throw new InvalidFieldException("sessionId", "There is no session with this id.");
        var manager = await enroller.EnrolleeAsync(enrollment.ClusterManagerId, cancellationToken);
        SessionRules.EnsureOpen(target, clock.GetUtcNow());
        await NetworkRules.EnsureMayEnrollAsync(mediator, user, target.Session, manager.ClusterManagerId, cancellationToken);

        return await enroller.InSeatTransactionAsync(async turns =>
        {
            // The two ledger rows are changed smaller session id first (the target's is taken by
            // enrolling, the source's by ending): a move the other way round waits, not deadlocks.
            if (enrollment.SessionId.CompareTo(targetId) < 0)
            {
                await ledger.LockAsync(enrollment.SessionId, cancellationToken);
            }

            var moved = await enroller.EnrollOneAsync(target, manager, seriesId: null, turns, cancellationToken)
                ?? throw new ConflictException("This manager is already enrolled in that session.");
            var (_, endedNow) = await ending.EndWithinAsync(enrollment.Id, CancellationCause.ByStaff, source.Session.StartsAt, cancellationToken);
            if (!endedNow)
            {
                // Cancelled meanwhile by someone else: nothing to move; the new enrollment is rolled back with this.
                throw new ConflictException("This enrollment is cancelled: there is nobody to move.");
            }

            return moved;
        }, cancellationToken);
    }
}
