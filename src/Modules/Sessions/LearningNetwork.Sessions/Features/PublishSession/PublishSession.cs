using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;

namespace LearningNetwork.Sessions.Features.PublishSession;

/// <summary>A draft becomes visible to cluster managers and open for enrollment.</summary>
internal sealed record PublishSession(Guid Id) : IRequest<SessionView>;

internal sealed class PublishSessionHandler(SessionsDbContext db, SessionViews views, TimeProvider clock) : IRequestHandler<PublishSession, SessionView>
{
    public async Task<SessionView> Handle(PublishSession request, CancellationToken cancellationToken)
    {
        var session = await db.GetForUpdateAsync(request.Id, cancellationToken);
        session.Publish(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await views.OneAsync(session, cancellationToken);
    }
}
