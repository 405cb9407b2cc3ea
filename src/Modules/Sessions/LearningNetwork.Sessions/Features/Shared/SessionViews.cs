using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Sessions.Domain;
using MediatR;

namespace LearningNetwork.Sessions.Features.Shared;

/// <summary>Sessions as responses, with seat counts asked of the Enrollments module in one request per page.</summary>
internal sealed class SessionViews(IMediator mediator)
{
    public async Task<SessionResponse> OneAsync(Session session, CancellationToken cancellationToken) =>
        (await ManyAsync([session], cancellationToken))[0];

    public async Task<IReadOnlyList<SessionResponse>> ManyAsync(IReadOnlyList<Session> sessions, CancellationToken cancellationToken)
    {
        if (sessions.Count == 0)
        {
            return [];
        }

        var seats = (await mediator.Send(new GetSeatCounts(sessions.Select(s => s.Id).ToList()), cancellationToken)).ToDictionary(c => c.SessionId);
        return sessions.Select(s => SessionResponse.From(s, seats.GetValueOrDefault(s.Id) ?? new SeatCount(s.Id, 0, 0))).ToList();
    }
}
