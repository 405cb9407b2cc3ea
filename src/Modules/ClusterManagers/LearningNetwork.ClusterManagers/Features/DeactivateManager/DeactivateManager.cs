using LearningNetwork.Accounts.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Features.Shared;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.DeactivateManager;

internal sealed record DeactivateManager(Guid Id) : IRequest<ManagerResponse>;

internal sealed class DeactivateManagerHandler(ClusterManagersDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<DeactivateManager, ManagerResponse>
{
    public async Task<ManagerResponse> Handle(DeactivateManager request, CancellationToken cancellationToken)
    {
        var manager = await db.Managers.FirstOrDefaultAsync(m => m.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Cluster manager", request.Id);
        // The account stops first: from this answer on, the manager cannot sign in.
        await mediator.Send(new DeactivateClusterManagerAccount(manager.Id), cancellationToken);
        manager.Deactivate(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ResponseAsync(mediator, manager.Id, cancellationToken);
    }
}
