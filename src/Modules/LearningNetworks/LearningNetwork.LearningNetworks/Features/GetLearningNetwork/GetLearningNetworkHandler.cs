using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.LearningNetworks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.GetLearningNetwork;

/// <summary>Answers other modules: a network's name, theme and membership.</summary>
internal sealed class GetLearningNetworkHandler(LearningNetworksDbContext db) : IRequestHandler<Contracts.GetLearningNetwork, LearningNetworkSummary?>
{
    public async Task<LearningNetworkSummary?> Handle(Contracts.GetLearningNetwork request, CancellationToken cancellationToken) =>
        (await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.LearningNetworkId, cancellationToken))?.ToSummary();
}
