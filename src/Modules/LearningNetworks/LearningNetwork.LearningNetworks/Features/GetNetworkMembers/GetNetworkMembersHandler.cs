using LearningNetwork.LearningNetworks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.GetNetworkMembers;

/// <summary>Answers other modules (an announcement to a network's members): who is in it now, in join order.</summary>
internal sealed class GetNetworkMembersHandler(LearningNetworksDbContext db) : IRequestHandler<Contracts.GetNetworkMembers, IReadOnlyList<Guid>?>
{
    public async Task<IReadOnlyList<Guid>?> Handle(Contracts.GetNetworkMembers request, CancellationToken cancellationToken)
    {
        if (!await db.Networks.AnyAsync(n => n.Id == request.LearningNetworkId, cancellationToken))
        {
            return null;
        }

        return await db.Members.AsNoTracking().Where(m => m.NetworkId == request.LearningNetworkId)
            .OrderBy(m => m.JoinNumber).Select(m => m.ClusterManagerId).ToListAsync(cancellationToken);
    }
}
