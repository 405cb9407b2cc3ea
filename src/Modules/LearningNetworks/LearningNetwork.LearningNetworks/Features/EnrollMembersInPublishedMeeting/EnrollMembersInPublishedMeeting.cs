using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.LearningNetworks.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.EnrollMembersInPublishedMeeting;

/// <summary>
/// A network's meeting was published: every member is enrolled at once, in the order they joined
/// (confirmed up to capacity, then waitlisted), with the usual confirmation. A member who joined
/// after the publication is covered by their own join too, which reads the meeting as published
/// and welcomes them with it: whichever of the two runs first enrolls them, without a separate
/// confirmation, and the other finds them enrolled.
/// </summary>
internal sealed class EnrollMembersInPublishedMeetingHandler(LearningNetworksDbContext db, IMediator mediator) : INotificationHandler<SessionPublished>
{
    public async Task Handle(SessionPublished notification, CancellationToken cancellationToken)
    {
        if (notification.Session.LearningNetworkId is not { } networkId)
        {
            return;
        }

        var members = await db.Members.AsNoTracking().Where(m => m.NetworkId == networkId).OrderBy(m => m.JoinNumber)
            .Select(m => new { m.ClusterManagerId, m.JoinedAt }).ToListAsync(cancellationToken);
        if (members.Count > 0)
        {
            var welcomedWithIt = members.Where(m => m.JoinedAt >= notification.OccurredAt).Select(m => m.ClusterManagerId).ToList();
            await mediator.Send(new EnrollNetworkMembers(notification.Session.SessionId, members.Select(m => m.ClusterManagerId).ToList(), welcomedWithIt), cancellationToken);
        }
    }
}
