using LearningNetwork.BuildingBlocks.Contracts;
using MediatR;

namespace LearningNetwork.ClusterManagers.Contracts;

/// <summary>A manager was added to the directory: they get an account and an invitation.</summary>
public sealed record ClusterManagerCreated(Guid ClusterManagerId, string Email, string FullName, string PreferredLanguage) : IntegrationEvent;

/// <summary>A manager's contact details changed; their account follows.</summary>
public sealed record ClusterManagerUpdated(Guid ClusterManagerId, string Email, string FullName, string PreferredLanguage) : IntegrationEvent;

/// <summary>A manager left: no more sign-in, future enrollments end, no more emails.</summary>
public sealed record ClusterManagerDeactivated(Guid ClusterManagerId) : IntegrationEvent;

/// <summary>What other modules need of a manager (names on lists, language of emails).</summary>
public sealed record ClusterManagerSummary(Guid ClusterManagerId, string FullName, string Email, string PreferredLanguage, Guid ClusterId, string ClusterName, bool IsActive);

/// <summary>Ask the directory for managers by id; unknown ids are left out.</summary>
public sealed record GetClusterManagers(IReadOnlyCollection<Guid> ClusterManagerIds) : IRequest<IReadOnlyList<ClusterManagerSummary>>;

/// <summary>How big the directory is, for reports.</summary>
public sealed record DirectoryFigures(int Clusters, int ActiveClusterManagers);

public sealed record GetDirectoryFigures : IRequest<DirectoryFigures>;

/// <summary>Every active manager, by name (for demo data and bulk choices).</summary>
public sealed record GetActiveClusterManagers : IRequest<IReadOnlyList<ClusterManagerSummary>>;
