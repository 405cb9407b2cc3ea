using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;

namespace LearningNetwork.Sessions.Features.GetSession;

internal sealed record GetSession(Guid Id) : IRequest<SessionResponse>;

internal sealed class GetSessionHandler(SessionsDbContext db, SessionViews views, ICurrentUser user) : IRequestHandler<GetSession, SessionResponse>
{
    public async Task<SessionResponse> Handle(GetSession request, CancellationToken cancellationToken) =>
        await views.OneAsync(await db.GetVisibleAsync(request.Id, user, cancellationToken), cancellationToken);
}
