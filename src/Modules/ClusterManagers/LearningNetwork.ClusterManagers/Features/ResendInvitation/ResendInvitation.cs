using LearningNetwork.Accounts.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.ResendInvitation;

internal sealed record ResendInvitation(Guid Id) : IRequest<Unit>;

internal sealed class ResendInvitationHandler(ClusterManagersDbContext db, IMediator mediator) : IRequestHandler<ResendInvitation, Unit>
{
    public async Task<Unit> Handle(ResendInvitation request, CancellationToken cancellationToken)
    {
        if (!await db.Managers.AnyAsync(m => m.Id == request.Id, cancellationToken))
        {
            throw new NotFoundException("Cluster manager", request.Id);
        }

        return await mediator.Send(new ResendClusterManagerInvitation(request.Id), cancellationToken);
    }
}
