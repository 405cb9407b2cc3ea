using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.GuidelineDocuments.Contracts;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;
using MediatR;

namespace LearningNetwork.Sessions.Features.Shared;

/// <summary>Sessions as responses, with seat counts (Enrollments) and materials (GuidelineDocuments) asked in one request each per page.</summary>
internal sealed class SessionViews(IMediator mediator)
{
    public async Task<SessionView> OneAsync(Session session, CancellationToken cancellationToken) =>
        (await ManyAsync([session], cancellationToken))[0];

    public async Task<IReadOnlyList<SessionView>> ManyAsync(IReadOnlyList<Session> sessions, CancellationToken cancellationToken)
    {
        if (sessions.Count == 0)
        {
            return [];
        }

        var ids = sessions.Select(s => s.Id).ToList();
        var seats = (await mediator.Send(new GetSeatCounts(ids), cancellationToken)).ToDictionary(c => c.SessionId);
        var materials = await mediator.Send(new GetSessionMaterials(ids), cancellationToken);
        return sessions.Select(s => SessionResponse.From(
            s, seats.GetValueOrDefault(s.Id) ?? new SeatCount(s.Id, 0, 0), materials.GetValueOrDefault(s.Id) ?? [])).ToList();
    }
}
