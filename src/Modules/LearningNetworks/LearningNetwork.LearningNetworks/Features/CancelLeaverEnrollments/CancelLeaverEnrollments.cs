using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.LearningNetworks.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.CancelLeaverEnrollments;

/// <summary>
/// A member left: their enrollments in the network's meetings that have not started end, and the
/// waitlist moves up. Past meetings keep their record. If they joined again before this ran,
/// they keep their places.
/// </summary>
internal sealed class CancelLeaverEnrollmentsHandler(LearningNetworksDbContext db, IMediator mediator, TimeProvider clock) : INotificationHandler<LearningNetworkMemberLeft>
{
    public async Task Handle(LearningNetworkMemberLeft notification, CancellationToken cancellationToken)
    {
        if (await db.Members.AnyAsync(m => m.NetworkId == notification.LearningNetworkId && m.ClusterManagerId == notification.ClusterManagerId, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var upcoming = (await mediator.Send(new GetLearningNetworkMeetings([notification.LearningNetworkId]), cancellationToken))
            .Where(m => m.State == SessionState.Published && m.Session.StartsAt > now)
            .Select(m => m.Session.SessionId).ToList();
        if (upcoming.Count > 0)
        {
            await mediator.Send(new CancelNetworkEnrollments(upcoming, notification.ClusterManagerId), cancellationToken);
        }
    }
}
