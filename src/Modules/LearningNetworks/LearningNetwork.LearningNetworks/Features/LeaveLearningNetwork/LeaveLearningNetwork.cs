using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.LearningNetworks.Features.Shared;
using MediatR;

namespace LearningNetwork.LearningNetworks.Features.LeaveLearningNetwork;

/// <summary>A manager leaves a network: their upcoming enrollments in its meetings end. Leaving again changes nothing.</summary>
internal sealed record LeaveLearningNetwork(Guid NetworkId) : IRequest<NetworkResponse>;

internal sealed class LeaveLearningNetworkHandler(NetworkViews views, Membership membership, ICurrentUser user) : IRequestHandler<LeaveLearningNetwork, NetworkResponse>
{
    public async Task<NetworkResponse> Handle(LeaveLearningNetwork request, CancellationToken cancellationToken)
    {
        var me = user.ClusterManagerId ?? throw new ForbiddenException("Only cluster managers leave learning networks.");
        var network = await views.VisibleAsync(request.NetworkId, cancellationToken, track: true);
        await membership.RemoveAsync(network, me, cancellationToken);
        return await views.OneAsync(network, cancellationToken);
    }
}
