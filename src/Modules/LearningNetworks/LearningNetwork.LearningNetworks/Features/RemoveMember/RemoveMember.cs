using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.LearningNetworks.Features.Shared;
using MediatR;

namespace LearningNetwork.LearningNetworks.Features.RemoveMember;

/// <summary>Staff take a manager out of a network; their upcoming enrollments in its meetings end (the waitlist moves up).</summary>
internal sealed record RemoveMember(Guid NetworkId, Guid ClusterManagerId) : IRequest<Unit>;

internal sealed class RemoveMemberHandler(NetworkViews views, Membership membership) : IRequestHandler<RemoveMember, Unit>
{
    public async Task<Unit> Handle(RemoveMember request, CancellationToken cancellationToken)
    {
        var network = await views.ForChangeAsync(request.NetworkId, cancellationToken);
        return await membership.RemoveAsync(network, request.ClusterManagerId, cancellationToken)
            ? Unit.Value
            : throw new NotFoundException("Member", request.ClusterManagerId);
    }
}
