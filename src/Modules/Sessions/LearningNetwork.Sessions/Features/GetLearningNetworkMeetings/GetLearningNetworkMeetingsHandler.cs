using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.GetLearningNetworkMeetings;

/// <summary>Answers the LearningNetworks module: the meetings of some networks, in start order.</summary>
internal sealed class GetLearningNetworkMeetingsHandler(SessionsDbContext db) : IRequestHandler<Contracts.GetLearningNetworkMeetings, IReadOnlyList<SessionInfo>>
{
    public async Task<IReadOnlyList<SessionInfo>> Handle(Contracts.GetLearningNetworkMeetings request, CancellationToken cancellationToken)
    {
        var ids = request.LearningNetworkIds.Distinct().Select(id => (Guid?)id).ToList();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => ids.Contains(s.LearningNetworkId))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return sessions.Select(s => new SessionInfo(s.ToSnapshot(), s.State, s.Description)).ToList();
    }
}
