using LearningNetwork.BuildingBlocks.Hosting;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.LearningNetworks.Domain;
using LearningNetwork.LearningNetworks.Features.Shared;
using LearningNetwork.LearningNetworks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.DemoData;

/// <summary>
/// Two networks: an open one anyone may join (its meeting is one of the demo sessions) and a
/// members-only peer-coaching group whose monthly series the Sessions demo data plans; the
/// directory's managers are its members, so they are enrolled as its meetings are published.
/// Only on an empty module.
/// </summary>
internal sealed class NetworksDemoData(LearningNetworksDbContext db, Membership membership, IMediator mediator, TimeProvider clock) : IDemoDataSeeder
{
    /// <summary>The names the Sessions demo data uses to attach its meetings.</summary>
    public const string OpenNetwork = "Ledenwerving na de financiering";
    public const string MembersOnlyNetwork = "Intervisie clustermanagers";

    // After the directory (10), before the sessions (20) that meet for these networks.
    public int Order => 15;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Networks.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var open = Network.Create(new NetworkDetails(OpenNetwork, "Members after the funding period",
            "Cluster managers share how they keep members on board when the agency's funding ends.", NetworkMembership.Open, null), now);
        var closed = Network.Create(new NetworkDetails(MembersOnlyNetwork, "Peer coaching",
            "A small group of cluster managers coaching each other, one evening a month.", NetworkMembership.MembersOnly, null), now);
        db.Networks.AddRange(open, closed);
        await db.SaveChangesAsync(cancellationToken);

        var managers = await mediator.Send(new GetActiveClusterManagers(), cancellationToken);
        await membership.AddAsync(closed, managers.Take(5).Select(m => m.ClusterManagerId).ToList(), cancellationToken);
        await membership.AddAsync(open, managers.Skip(5).Take(1).Select(m => m.ClusterManagerId).ToList(), cancellationToken);
    }
}
