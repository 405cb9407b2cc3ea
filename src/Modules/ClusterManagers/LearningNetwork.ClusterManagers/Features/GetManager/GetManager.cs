using LearningNetwork.ClusterManagers.Features.Shared;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;

namespace LearningNetwork.ClusterManagers.Features.GetManager;

internal sealed record GetManager(Guid Id) : IRequest<ManagerResponse>;

internal sealed class GetManagerHandler(ClusterManagersDbContext db, IMediator mediator) : IRequestHandler<GetManager, ManagerResponse>
{
    public Task<ManagerResponse> Handle(GetManager request, CancellationToken cancellationToken) => db.ResponseAsync(mediator, request.Id, cancellationToken);
}
