using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.EraseDirectoryPersonalData;

internal sealed class EraseDirectoryPersonalDataHandler(ClusterManagersDbContext db, TimeProvider clock) : IRequestHandler<Contracts.EraseDirectoryPersonalData, Unit>
{
    public async Task<Unit> Handle(Contracts.EraseDirectoryPersonalData request, CancellationToken cancellationToken)
    {
        var manager = await db.Managers.FirstOrDefaultAsync(m => m.Id == request.Subject.ClusterManagerId, cancellationToken);
        if (manager is not null)
        {
            manager.Erase(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
