using System.Text.Json.Serialization;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Enrollments.Features.Enroll;

/// <summary>A manager enrolls (or staff enroll a manager) in one session: a seat, or a place on the waitlist.</summary>
internal sealed record Enroll : IRequest<EnrollmentResponse>
{
    [JsonIgnore]
    public Guid SessionId { get; init; }

    /// <summary>Staff name the manager; a manager enrolls themselves and leaves this out.</summary>
    public Guid? ClusterManagerId { get; init; }
}

internal sealed class EnrollHandler(Enroller enroller, IMediator mediator, ICurrentUser user, TimeProvider clock) : IRequestHandler<Enroll, EnrollmentResponse>
{
    public async Task<EnrollmentResponse> Handle(Enroll request, CancellationToken cancellationToken)
    {
        var manager = await enroller.EnrolleeAsync(request.ClusterManagerId, cancellationToken);
        var session = (await mediator.Send(new GetSessions([request.SessionId]), cancellationToken)).SingleOrDefault()
            ?? throw new NotFoundException("Session", request.SessionId);
        // A draft does not exist for a manager (as when they read it): 404, not "not published yet".
        if (!user.IsStaff && session.State == SessionState.Draft)
        {
            throw new NotFoundException("Session", request.SessionId);
        }

        SessionRules.EnsureOpen(session, clock.GetUtcNow());
        await NetworkRules.EnsureMayEnrollAsync(mediator, user, session.Session, manager.ClusterManagerId, cancellationToken);

        return await enroller.InSeatTransactionAsync(async turns =>
            await enroller.EnrollOneAsync(session, manager, seriesId: null, turns, cancellationToken)
            ?? throw new ConflictException("This manager is already enrolled in this session."), cancellationToken);
    }
}
