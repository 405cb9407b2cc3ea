using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;

namespace LearningNetwork.Sessions.Features.GetSession;

internal sealed record GetSession(Guid Id) : IRequest<SessionView>;

internal sealed class GetSessionHandler(SessionsDbContext db, SessionViews views, ICurrentUser user) : IRequestHandler<GetSession, SessionView>
{
    public async Task<SessionView> Handle(GetSession request, CancellationToken cancellationToken) =>
        await views.OneAsync(await db.GetVisibleAsync(request.Id, user, cancellationToken), cancellationToken);
}
