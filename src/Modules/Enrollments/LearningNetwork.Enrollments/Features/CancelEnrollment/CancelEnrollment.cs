using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.CancelEnrollment;

/// <summary>
/// The enrollee (until the session starts) or staff (any time) cancel an enrollment. A freed seat
/// goes to the first person on the waitlist in the same transaction. Cancelling twice is harmless.
/// </summary>
internal sealed record CancelEnrollment(Guid EnrollmentId) : IRequest<EnrollmentResponse>;

internal sealed class CancelEnrollmentHandler(
    EnrollmentsDbContext db, EnrollmentEnding ending, IMediator mediator, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CancelEnrollment, EnrollmentResponse>
{
    public async Task<EnrollmentResponse> Handle(CancelEnrollment request, CancellationToken cancellationToken)
    {
        var enrollment = await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.EnrollmentId, cancellationToken);
        // Someone else's enrollment is as invisible to a manager as one that does not exist.
        if (enrollment is null || (!user.IsStaff && enrollment.ClusterManagerId != user.ClusterManagerId))
        {
            throw new NotFoundException("Enrollment", request.EnrollmentId);
        }

        if (enrollment.Status == EnrollmentStatus.Cancelled)
        {
            return EnrollmentResponse.From(enrollment);
        }

        var session = (await mediator.Send(new GetSessions([enrollment.SessionId]), cancellationToken)).Single();
        if (!user.IsStaff && clock.GetUtcNow() >= session.Session.StartsAt)
        {
            throw new ConflictException("The session has started: ask the agency to cancel.");
        }

        var cause = user.IsStaff && enrollment.ClusterManagerId != user.ClusterManagerId ? CancellationCause.ByStaff : CancellationCause.ByEnrollee;
        var ended = await ending.EndAsync(enrollment.Id, cause, session.Session.StartsAt, cancellationToken);
        return EnrollmentResponse.From(ended);
    }
}
