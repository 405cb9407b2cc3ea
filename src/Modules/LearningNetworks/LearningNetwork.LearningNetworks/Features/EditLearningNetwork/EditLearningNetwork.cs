using System.Text.Json.Serialization;
using LearningNetwork.LearningNetworks.Features.Shared;
using LearningNetwork.LearningNetworks.Persistence;
using MediatR;

namespace LearningNetwork.LearningNetworks.Features.EditLearningNetwork;

/// <summary>
/// Staff change a network's name, theme, description, membership or facilitator. Turning an open
/// network members-only keeps its members (they stay enrolled); others can no longer join.
/// </summary>
internal sealed record EditLearningNetwork : NetworkBody, IRequest<NetworkResponse>
{
    [JsonIgnore]
    public Guid Id { get; init; }
}

internal sealed class EditLearningNetworkValidator : NetworkFieldsValidator<EditLearningNetwork>;

internal sealed class EditLearningNetworkHandler(LearningNetworksDbContext db, NetworkViews views, TimeProvider clock)
    : IRequestHandler<EditLearningNetwork, NetworkResponse>
{
    public async Task<NetworkResponse> Handle(EditLearningNetwork request, CancellationToken cancellationToken)
    {
        var network = await views.ForChangeAsync(request.Id, cancellationToken);
        network.Edit(request.ToDetails(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await views.OneAsync(network, cancellationToken);
    }
}
