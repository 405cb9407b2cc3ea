using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.LearningNetworks.Contracts;

namespace LearningNetwork.LearningNetworks.Domain;

/// <summary>
/// A learning network: cluster managers meeting in a cycle around one theme, led by a facilitator
/// of the agency. Its meetings are sessions of the Sessions module that carry its id; its
/// members are <see cref="Member"/> rows.
/// </summary>
internal sealed class Network : AggregateRoot
{
    private Network()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Theme { get; private set; } = "";

    public string? Description { get; private set; }

    public NetworkMembership Membership { get; private set; }

    public Guid? FacilitatorStaffId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>PostgreSQL xmin: two staff members saving the same network at once is a 409, not a lost update.</summary>
    public uint Version { get; private set; }

    public static Network Create(NetworkDetails details, DateTimeOffset now)
    {
        var network = new Network { Id = Guid.CreateVersion7(now), CreatedAt = now };
        network.Apply(details, now);
        return network;
    }

    public void Edit(NetworkDetails details, DateTimeOffset now) => Apply(details, now);

    /// <summary>These managers became members just now, in this order (only those not members before).</summary>
    public void Joined(IReadOnlyList<Guid> clusterManagerIds)
    {
        if (clusterManagerIds.Count > 0)
        {
            Raise(new LearningNetworkMembersJoined(Id, clusterManagerIds));
        }
    }

    public void Left(Guid clusterManagerId) => Raise(new LearningNetworkMemberLeft(Id, clusterManagerId));

    public LearningNetworkSummary ToSummary() => new(Id, Name, Theme, Membership);

    private void Apply(NetworkDetails details, DateTimeOffset now)
    {
        Name = details.Name.Trim();
        Theme = details.Theme.Trim();
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        Membership = details.Membership;
        FacilitatorStaffId = details.FacilitatorStaffId;
        UpdatedAt = now;
    }
}

/// <summary>What staff fill in for a network: shared by create and edit.</summary>
internal sealed record NetworkDetails(string Name, string Theme, string? Description, NetworkMembership Membership, Guid? FacilitatorStaffId);

/// <summary>
/// One manager's membership of one network. <see cref="JoinNumber"/> grows with every join, so
/// members are ordered by when they joined, also within one bulk add (where they share a time).
/// </summary>
internal sealed class Member
{
    public Guid NetworkId { get; set; }

    public Guid ClusterManagerId { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    public long JoinNumber { get; set; }
}
