using MediatR;

namespace LearningNetwork.LearningNetworks.Contracts;

/// <summary>The learning networks a cluster manager is a member of.</summary>
public sealed record ExportMembershipPersonalData(Guid ClusterManagerId) : IRequest<IReadOnlyList<MembershipRecord>>;

public sealed record MembershipRecord(Guid NetworkId, string Name, DateTimeOffset JoinedAt);
