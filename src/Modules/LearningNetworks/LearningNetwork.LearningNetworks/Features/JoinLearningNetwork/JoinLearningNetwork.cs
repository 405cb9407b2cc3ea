using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.LearningNetworks.Features.Shared;
using MediatR;

namespace LearningNetwork.LearningNetworks.Features.JoinLearningNetwork;

/// <summary>A manager joins an open network: enrolled in its upcoming meetings and welcomed. Joining again changes nothing.</summary>
internal sealed record JoinLearningNetwork(Guid NetworkId) : IRequest<NetworkResponse>;

internal sealed class JoinLearningNetworkHandler(NetworkViews views, Membership membership, ICurrentUser user) : IRequestHandler<JoinLearningNetwork, NetworkResponse>
{
    public async Task<NetworkResponse> Handle(JoinLearningNetwork request, CancellationToken cancellationToken)
    {
        var me = user.ClusterManagerId ?? throw new ForbiddenException("Only cluster managers join learning networks.");
        // Not VisibleAsync: a members-only network the manager is not in is a 403 here, not a 404,
        // so the join button of a stale page explains itself.
        var network = await views.ForChangeAsync(request.NetworkId, cancellationToken);
        if (network.Membership == NetworkMembership.MembersOnly && !await views.IsMemberAsync(network.Id, cancellationToken))
        {
            throw new ForbiddenException("This learning network is for its members only: the agency adds them.");
        }

        await membership.AddAsync(network, [me], cancellationToken);
        return await views.OneAsync(network, cancellationToken);
    }
}
