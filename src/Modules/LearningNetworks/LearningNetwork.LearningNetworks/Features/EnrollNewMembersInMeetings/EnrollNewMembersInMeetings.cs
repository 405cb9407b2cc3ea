using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.LearningNetworks.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.EnrollNewMembersInMeetings;

/// <summary>
/// New members are enrolled in the network's published meetings that have not started, in start
/// order. Their welcome email lists those meetings, so no confirmation email per meeting. Every
/// member is passed along in join order: if a meeting's publication has not been handled yet,
/// this seats the earlier members first, as the publication would have (see EnrollNetworkMembers).
/// Sent again (a redelivered event), it finds them enrolled and changes nothing.
/// </summary>
internal sealed class EnrollNewMembersInMeetingsHandler(LearningNetworksDbContext db, IMediator mediator, TimeProvider clock) : INotificationHandler<LearningNetworkMembersJoined>
{
    public async Task Handle(LearningNetworkMembersJoined notification, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.NetworkId == notification.LearningNetworkId).OrderBy(m => m.JoinNumber)
            .Select(m => m.ClusterManagerId).ToListAsync(cancellationToken);
        // Those who left again before this ran are not members any more: nothing to enroll them in.
        var joined = notification.ClusterManagerIds.Intersect(members).ToList();
        if (joined.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var upcoming = (await mediator.Send(new GetLearningNetworkMeetings([notification.LearningNetworkId]), cancellationToken))
            .Where(m => m.State == SessionState.Published && m.Session.StartsAt > now);
        foreach (var meeting in upcoming)
        {
            await mediator.Send(new EnrollNetworkMembers(meeting.Session.SessionId, members, joined), cancellationToken);
        }
    }
}
