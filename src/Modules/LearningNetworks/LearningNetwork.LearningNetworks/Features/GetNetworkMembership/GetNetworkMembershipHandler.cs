using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.LearningNetworks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.GetNetworkMembership;

/// <summary>Answers Enrollments before someone enrolls in a network's meeting: is the network members-only, is this manager a member.</summary>
internal sealed class GetNetworkMembershipHandler(LearningNetworksDbContext db) : IRequestHandler<Contracts.GetNetworkMembership, NetworkMembershipAnswer?>
{
    public async Task<NetworkMembershipAnswer?> Handle(Contracts.GetNetworkMembership request, CancellationToken cancellationToken)
    {
        var answer = await db.Networks.AsNoTracking().Where(n => n.Id == request.LearningNetworkId)
            .Select(n => new { n.Membership, IsMember = db.Members.Any(m => m.NetworkId == n.Id && m.ClusterManagerId == request.ClusterManagerId) })
            .SingleOrDefaultAsync(cancellationToken);
        return answer is null ? null : new NetworkMembershipAnswer(answer.Membership, answer.IsMember);
    }
}
