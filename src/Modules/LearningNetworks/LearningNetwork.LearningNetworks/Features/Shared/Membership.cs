using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.LearningNetworks.Domain;
using LearningNetwork.LearningNetworks.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LearningNetwork.LearningNetworks.Features.Shared;

/// <summary>
/// Adds and removes members. Each change and its event commit together: a network's members
/// are enrolled in (or leave) its meetings through the outbox, so a crash half-way loses nothing.
/// </summary>
internal sealed class Membership(LearningNetworksDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Adds these managers in this order; returns those who were not members yet. One statement:
    /// two hosts adding the same person at once add them once, and only that one announces it.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> AddAsync(Network network, IReadOnlyList<Guid> clusterManagerIds, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await db.Database.SqlQueryRaw<Guid>(
            """
            INSERT INTO learning_networks.members (network_id, cluster_manager_id, joined_at)
            SELECT @network, id, @now FROM unnest(@ids) WITH ORDINALITY AS m(id, n) ORDER BY n
            ON CONFLICT DO NOTHING
            RETURNING cluster_manager_id AS "Value"
            """,
            new NpgsqlParameter("network", network.Id),
            new NpgsqlParameter("now", clock.GetUtcNow()),
            new NpgsqlParameter("ids", clusterManagerIds.Distinct().ToArray())).ToListAsync(cancellationToken);
        var order = clusterManagerIds.Distinct().Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var joined = added.OrderBy(id => order[id]).ToList();
        network.Joined(joined);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return joined;
    }

    /// <summary>Removes one member; false when they were not a member (nothing is announced then).</summary>
    public async Task<bool> RemoveAsync(Network network, Guid clusterManagerId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.Members.Where(m => m.NetworkId == network.Id && m.ClusterManagerId == clusterManagerId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 1)
        {
            network.Left(clusterManagerId);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return removed == 1;
    }

    /// <summary>Only active managers of the directory can be members; the ids of others, to name in a 400.</summary>
    public static IReadOnlyList<Guid> NotActive(IReadOnlyList<Guid> requested, IReadOnlyList<ClusterManagerSummary> found)
    {
        var active = found.Where(m => m.IsActive).Select(m => m.ClusterManagerId).ToHashSet();
        return requested.Where(id => !active.Contains(id)).Distinct().ToList();
    }
}
