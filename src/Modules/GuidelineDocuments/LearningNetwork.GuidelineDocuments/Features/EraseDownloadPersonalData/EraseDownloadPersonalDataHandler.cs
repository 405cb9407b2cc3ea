using LearningNetwork.GuidelineDocuments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.EraseDownloadPersonalData;

/// <summary>The downloads stay (a guideline's download count does not change) but no longer say whose they were.</summary>
internal sealed class EraseDownloadPersonalDataHandler(GuidelinesDbContext db) : IRequestHandler<Contracts.EraseDownloadPersonalData, Unit>
{
    public async Task<Unit> Handle(Contracts.EraseDownloadPersonalData request, CancellationToken cancellationToken)
    {
        await db.Downloads.Where(d => d.ClusterManagerId == request.Subject.ClusterManagerId)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.ClusterManagerId, (Guid?)null).SetProperty(d => d.UserId, Guid.Empty), cancellationToken);
        return Unit.Value;
    }
}
