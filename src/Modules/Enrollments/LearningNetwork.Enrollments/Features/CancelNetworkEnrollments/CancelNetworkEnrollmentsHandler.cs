using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.CancelNetworkEnrollments;

/// <summary>A manager left a learning network: their live enrollments in its upcoming meetings end, each freeing its seat for the waitlist.</summary>
internal sealed class CancelNetworkEnrollmentsHandler(EnrollmentsDbContext db, EnrollmentEnding ending, IMediator mediator, TimeProvider clock)
    : IRequestHandler<Contracts.CancelNetworkEnrollments, int>
{
    public async Task<int> Handle(Contracts.CancelNetworkEnrollments request, CancellationToken cancellationToken)
    {
        var ids = request.SessionIds.Distinct().ToList();
        var live = await db.Enrollments.AsNoTracking()
            .Where(e => e.ClusterManagerId == request.ClusterManagerId && ids.Contains(e.SessionId) && e.Status != EnrollmentStatus.Cancelled)
            .Select(e => new { e.Id, e.SessionId }).ToListAsync(cancellationToken);
        if (live.Count == 0)
        {
            return 0;
        }

        var sessions = (await mediator.Send(new GetSessions(live.Select(e => e.SessionId).ToList()), cancellationToken)).ToDictionary(s => s.Session.SessionId);
        var now = clock.GetUtcNow();
        var ended = 0;
        foreach (var item in live.Where(e => sessions.TryGetValue(e.SessionId, out var s) && s.Session.StartsAt > now).OrderBy(e => sessions[e.SessionId].Session.StartsAt))
        {
            await ending.EndAsync(item.Id, CancellationCause.LeftLearningNetwork, sessions[item.SessionId].Session.StartsAt, cancellationToken);
            ended++;
        }

        return ended;
    }
}
