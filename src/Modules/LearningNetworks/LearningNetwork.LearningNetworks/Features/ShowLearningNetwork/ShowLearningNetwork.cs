using LearningNetwork.LearningNetworks.Features.Shared;
using MediatR;

namespace LearningNetwork.LearningNetworks.Features.ShowLearningNetwork;

/// <summary>One network with its meetings; a members-only network is shown to its members and staff only.</summary>
internal sealed record ShowLearningNetwork(Guid Id) : IRequest<NetworkResponse>;

internal sealed class ShowLearningNetworkHandler(NetworkViews views) : IRequestHandler<ShowLearningNetwork, NetworkResponse>
{
    public async Task<NetworkResponse> Handle(ShowLearningNetwork request, CancellationToken cancellationToken) =>
        await views.OneAsync(await views.VisibleAsync(request.Id, cancellationToken), cancellationToken);
}
