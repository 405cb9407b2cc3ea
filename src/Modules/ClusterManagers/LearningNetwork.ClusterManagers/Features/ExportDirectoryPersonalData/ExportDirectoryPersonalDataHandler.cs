using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.ExportDirectoryPersonalData;

internal sealed class ExportDirectoryPersonalDataHandler(ClusterManagersDbContext db) : IRequestHandler<Contracts.ExportDirectoryPersonalData, DirectoryPersonalData?>
{
    public Task<DirectoryPersonalData?> Handle(Contracts.ExportDirectoryPersonalData request, CancellationToken cancellationToken) =>
        (from m in db.Managers.AsNoTracking()
         join c in db.Clusters.AsNoTracking() on m.ClusterId equals c.Id
         where m.Id == request.ClusterManagerId && m.ErasedAt == null
         select new DirectoryPersonalData(m.Id, m.FullName, m.Email, m.Phone, m.PreferredLanguage, m.Announcements, c.Id, c.Name, m.IsActive, m.CreatedAt, m.UpdatedAt, m.DeactivatedAt))
        .FirstOrDefaultAsync(cancellationToken);
}
