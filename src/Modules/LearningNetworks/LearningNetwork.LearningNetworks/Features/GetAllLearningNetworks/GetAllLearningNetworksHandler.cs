using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.LearningNetworks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.GetAllLearningNetworks;

/// <summary>Answers other modules: every network, by name.</summary>
internal sealed class GetAllLearningNetworksHandler(LearningNetworksDbContext db) : IRequestHandler<Contracts.GetAllLearningNetworks, IReadOnlyList<LearningNetworkSummary>>
{
    public async Task<IReadOnlyList<LearningNetworkSummary>> Handle(Contracts.GetAllLearningNetworks request, CancellationToken cancellationToken) =>
        (await db.Networks.AsNoTracking().OrderBy(n => n.Name).ToListAsync(cancellationToken)).Select(n => n.ToSummary()).ToList();
}
