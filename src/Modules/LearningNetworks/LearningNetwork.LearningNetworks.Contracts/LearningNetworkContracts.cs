using LearningNetwork.BuildingBlocks.Contracts;
using MediatR;

namespace LearningNetwork.LearningNetworks.Contracts;

/// <summary>Who may be in a learning network: anyone who joins, or only the people staff add.</summary>
public enum NetworkMembership
{
    Open,
    MembersOnly,
}

/// <summary>What other modules need of a learning network (its name in emails, whether its meetings are closed).</summary>
public sealed record LearningNetworkSummary(Guid LearningNetworkId, string Name, string Theme, NetworkMembership Membership);

/// <summary>Ask for a learning network; null when there is none with this id.</summary>
public sealed record GetLearningNetwork(Guid LearningNetworkId) : IRequest<LearningNetworkSummary?>;

/// <summary>Whether a manager may take part in a network's meetings; null when the network does not exist.</summary>
public sealed record GetNetworkMembership(Guid LearningNetworkId, Guid ClusterManagerId) : IRequest<NetworkMembershipAnswer?>;

public sealed record NetworkMembershipAnswer(NetworkMembership Membership, bool IsMember)
{
    /// <summary>Members-only meetings are for members; open ones for every manager.</summary>
    public bool MayEnroll => Membership == NetworkMembership.Open || IsMember;
}

/// <summary>
/// Managers became members of a network (joined, or added by staff, possibly many at once), in
/// the order they joined. They are enrolled in its upcoming meetings and welcomed.
/// </summary>
public sealed record LearningNetworkMembersJoined(Guid LearningNetworkId, IReadOnlyList<Guid> ClusterManagerIds) : IntegrationEvent;

/// <summary>A manager left a network (or was removed): their upcoming enrollments in its meetings end.</summary>
public sealed record LearningNetworkMemberLeft(Guid LearningNetworkId, Guid ClusterManagerId) : IntegrationEvent;

/// <summary>The current members of a learning network, in the order they joined; null when there is no such network.</summary>
public sealed record GetNetworkMembers(Guid LearningNetworkId) : IRequest<IReadOnlyList<Guid>?>;

/// <summary>Every learning network, by name (for demo data and pickers).</summary>
public sealed record GetAllLearningNetworks : IRequest<IReadOnlyList<LearningNetworkSummary>>;
