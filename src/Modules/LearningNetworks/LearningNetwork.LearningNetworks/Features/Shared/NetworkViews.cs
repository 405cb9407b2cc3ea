using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.LearningNetworks.Domain;
using LearningNetwork.LearningNetworks.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.Shared;

/// <summary>Builds network responses (member counts and meetings for a whole page at once) and says who may see which network.</summary>
internal sealed class NetworkViews(LearningNetworksDbContext db, IMediator mediator, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The network, if the caller may see it: staff see all; a manager sees open networks and their own (others are a 404).</summary>
    public async Task<Network> VisibleAsync(Guid id, CancellationToken cancellationToken, bool track = false)
    {
        var query = track ? db.Networks : db.Networks.AsNoTracking();
        var network = await query.SingleOrDefaultAsync(n => n.Id == id, cancellationToken) ?? throw new NotFoundException("Learning network", id);
        if (!user.IsStaff && network.Membership == NetworkMembership.MembersOnly && !await IsMemberAsync(id, cancellationToken))
        {
            throw new NotFoundException("Learning network", id);
        }

        return network;
    }

    /// <summary>Staff only: any network, tracked for a change.</summary>
    public async Task<Network> ForChangeAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Networks.SingleOrDefaultAsync(n => n.Id == id, cancellationToken) ?? throw new NotFoundException("Learning network", id);

    public async Task<NetworkResponse> OneAsync(Network network, CancellationToken cancellationToken) =>
        (await ManyAsync([network], cancellationToken))[0];

    public async Task<IReadOnlyList<NetworkResponse>> ManyAsync(IReadOnlyList<Network> networks, CancellationToken cancellationToken)
    {
        var ids = networks.Select(n => n.Id).ToList();
        var counts = await db.Members.Where(m => ids.Contains(m.NetworkId)).GroupBy(m => m.NetworkId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var mine = user.ClusterManagerId is { } me && !user.IsStaff
            ? (await db.Members.Where(m => ids.Contains(m.NetworkId) && m.ClusterManagerId == me).Select(m => m.NetworkId).ToListAsync(cancellationToken)).ToHashSet()
            : null;
        var meetings = ids.Count == 0 ? [] : await mediator.Send(new GetLearningNetworkMeetings(ids), cancellationToken);
        var byNetwork = meetings.Where(m => user.IsStaff || m.State != SessionState.Draft)
            .ToLookup(m => m.Session.LearningNetworkId);
        var now = clock.GetUtcNow();
        return networks.Select(n => new NetworkResponse(
            n.Id, n.Name, n.Theme, n.Description, n.Membership, n.FacilitatorStaffId,
            counts.GetValueOrDefault(n.Id),
            mine?.Contains(n.Id),
            byNetwork[n.Id].Where(m => m.State == SessionState.Published && m.Session.StartsAt > now)
                .Select(m => new UpcomingMeeting(m.Session.SessionId, m.Session.Title, m.Session.StartsAt.UtcDateTime)).ToList(),
            byNetwork[n.Id].Select(m => new NetworkMeeting(m.Session.SessionId, m.Session.Title, m.Session.StartsAt.UtcDateTime, m.Session.EndsAt.UtcDateTime, m.State)).ToList()))
            .ToList();
    }

    public Task<bool> IsMemberAsync(Guid networkId, CancellationToken cancellationToken) =>
        user.ClusterManagerId is { } me
            ? db.Members.AnyAsync(m => m.NetworkId == networkId && m.ClusterManagerId == me, cancellationToken)
            : Task.FromResult(false);
}
