using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.PublishSeries;

/// <summary>Publishes every draft of a series that has not started; the others are left as they are.</summary>
internal sealed record PublishSeries(Guid Id) : IRequest<PublishSeriesResponse>;

internal sealed record PublishSeriesResponse(Guid Id, IReadOnlyList<SessionView> Sessions);

internal sealed class PublishSeriesHandler(SessionsDbContext db, SessionViews views, TimeProvider clock) : IRequestHandler<PublishSeries, PublishSeriesResponse>
{
    public async Task<PublishSeriesResponse> Handle(PublishSeries request, CancellationToken cancellationToken)
    {
        if (!await db.Series.AnyAsync(s => s.Id == request.Id, cancellationToken))
        {
            throw new NotFoundException("Series", request.Id);
        }

        var now = clock.GetUtcNow();
        var sessions = await db.Sessions.Where(s => s.SeriesId == request.Id).OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        foreach (var session in sessions.Where(s => s.Status == SessionStatus.Draft && !s.HasStarted(now)))
        {
            session.Publish(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new PublishSeriesResponse(request.Id, await views.ManyAsync(sessions, cancellationToken));
    }
}
