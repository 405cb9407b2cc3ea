using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;

namespace LearningNetwork.Sessions.Features.GetSession;

internal sealed record GetSession(Guid Id) : IRequest<SessionResponse>;

internal sealed class GetSessionHandler(SessionsDbContext db, ICurrentUser user) : IRequestHandler<GetSession, SessionResponse>
{
    public async Task<SessionResponse> Handle(GetSession request, CancellationToken cancellationToken) =>
        SessionResponse.From(await db.GetVisibleAsync(request.Id, user, cancellationToken));
}
