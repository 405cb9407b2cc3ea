using LearningNetwork.GuidelineDocuments.Contracts;
using LearningNetwork.GuidelineDocuments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.ExportDownloadPersonalData;

internal sealed class ExportDownloadPersonalDataHandler(GuidelinesDbContext db) : IRequestHandler<Contracts.ExportDownloadPersonalData, IReadOnlyList<DownloadRecord>>
{
    public async Task<IReadOnlyList<DownloadRecord>> Handle(Contracts.ExportDownloadPersonalData request, CancellationToken cancellationToken) =>
        await (from d in db.Downloads.AsNoTracking()
               join g in db.Guidelines.AsNoTracking() on d.GuidelineId equals g.Id
               where d.ClusterManagerId == request.ClusterManagerId
               orderby d.At
               select new DownloadRecord(g.Id, g.Title, d.Version, d.At)).ToListAsync(cancellationToken);
}
