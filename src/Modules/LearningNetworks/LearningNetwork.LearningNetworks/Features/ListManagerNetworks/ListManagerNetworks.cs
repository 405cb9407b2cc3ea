using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.LearningNetworks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.ListManagerNetworks;

internal sealed record ManagerNetwork(Guid NetworkId, string Name, string Theme, NetworkMembership Membership, DateTime JoinedAt);

/// <summary>Staff read the learning networks one manager belongs to, in the order they joined.</summary>
internal sealed record ListManagerNetworks(Guid ClusterManagerId) : IRequest<IReadOnlyList<ManagerNetwork>>;

internal sealed class ListManagerNetworksHandler(LearningNetworksDbContext db, IMediator mediator) : IRequestHandler<ListManagerNetworks, IReadOnlyList<ManagerNetwork>>
{
    public async Task<IReadOnlyList<ManagerNetwork>> Handle(ListManagerNetworks request, CancellationToken cancellationToken)
    {
        if ((await mediator.Send(new GetClusterManagers([request.ClusterManagerId]), cancellationToken)).Count == 0)
        {
            throw new NotFoundException("ClusterManager", request.ClusterManagerId);
        }

        var networks = await (from m in db.Members.AsNoTracking()
                              join n in db.Networks.AsNoTracking() on m.NetworkId equals n.Id
                              where m.ClusterManagerId == request.ClusterManagerId
                              orderby m.JoinedAt
                              select new { n.Id, n.Name, n.Theme, n.Membership, m.JoinedAt }).ToListAsync(cancellationToken);
        return networks.Select(n => new ManagerNetwork(n.Id, n.Name, n.Theme, n.Membership, n.JoinedAt.UtcDateTime)).ToList();
    }
}
