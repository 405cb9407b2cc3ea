using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.LearningNetworks.Domain;
using LearningNetwork.LearningNetworks.Features.Shared;
using LearningNetwork.LearningNetworks.Persistence;
using MediatR;

namespace LearningNetwork.LearningNetworks.Features.CreateLearningNetwork;

/// <summary>Staff start a learning network: a theme, how people join, who facilitates.</summary>
internal sealed record CreateLearningNetwork : IRequest<NetworkResponse>, INetworkFields
{
    public string? Name { get; init; }

    public string? Theme { get; init; }

    public string? Description { get; init; }

    public NetworkMembership? Membership { get; init; }

    public Guid? FacilitatorStaffId { get; init; }
}

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
