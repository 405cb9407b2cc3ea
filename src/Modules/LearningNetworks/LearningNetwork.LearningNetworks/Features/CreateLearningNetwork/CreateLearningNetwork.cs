using LearningNetwork.LearningNetworks.Domain;
using LearningNetwork.LearningNetworks.Features.Shared;
using LearningNetwork.LearningNetworks.Persistence;
using MediatR;

namespace LearningNetwork.LearningNetworks.Features.CreateLearningNetwork;

/// <summary>Staff start a learning network: a theme, how people join, who facilitates.</summary>
internal sealed record CreateLearningNetwork : NetworkBody, IRequest<NetworkResponse>;

internal sealed class CreateLearningNetworkValidator : NetworkFieldsValidator<CreateLearningNetwork>;

internal sealed class CreateLearningNetworkHandler(LearningNetworksDbContext db, NetworkViews views, TimeProvider clock)
    : IRequestHandler<CreateLearningNetwork, NetworkResponse>
{
    public async Task<NetworkResponse> Handle(CreateLearningNetwork request, CancellationToken cancellationToken)
    {
        var network = Network.Create(request.ToDetails(), clock.GetUtcNow());
        db.Networks.Add(network);
        await db.SaveChangesAsync(cancellationToken);
        return await views.OneAsync(network, cancellationToken);
    }
}
