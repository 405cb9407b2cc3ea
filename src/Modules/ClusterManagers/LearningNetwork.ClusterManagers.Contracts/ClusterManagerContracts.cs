using LearningNetwork.BuildingBlocks.Contracts;
using MediatR;

namespace LearningNetwork.ClusterManagers.Contracts;

/// <summary>A manager was added to the directory: they get an account and an invitation.</summary>
public sealed record ClusterManagerCreated(Guid ClusterManagerId, string Email, string FullName, string PreferredLanguage) : IntegrationEvent;

/// <summary>A manager's contact details changed; their account follows.</summary>
public sealed record ClusterManagerUpdated(Guid ClusterManagerId, string Email, string FullName, string PreferredLanguage) : IntegrationEvent;

/// <summary>A manager turned announcements of new sessions off (preferences or one click): those still queued for them stop.</summary>
public sealed record ClusterManagerStoppedAnnouncements(Guid ClusterManagerId) : IntegrationEvent;

/// <summary>A manager left: no more sign-in, future enrollments end, no more emails.</summary>
public sealed record ClusterManagerDeactivated(Guid ClusterManagerId) : IntegrationEvent;

/// <summary>What other modules need of a manager (names on lists, language of emails).</summary>
public sealed record ClusterManagerSummary(Guid ClusterManagerId, string FullName, string Email, string PreferredLanguage, Guid ClusterId, string ClusterName, bool IsActive)
{
    /// <summary>Whether they want announcements of new sessions (true in summaries written before the preference existed).</summary>
    public bool Announcements { get; init; } = true;

    /// <summary>Their phone number, if the directory has one (for staff's participant lists).</summary>
    public string? Phone { get; init; }
}

/// <summary>Ask the directory for managers by id; unknown ids are left out.</summary>
public sealed record GetClusterManagers(IReadOnlyCollection<Guid> ClusterManagerIds) : IRequest<IReadOnlyList<ClusterManagerSummary>>;

/// <summary>How big the directory is, for reports.</summary>
public sealed record DirectoryFigures(int Clusters, int ActiveClusterManagers);

public sealed record GetDirectoryFigures : IRequest<DirectoryFigures>;

/// <summary>Every active manager, by name (for demo data and bulk choices).</summary>
public sealed record GetActiveClusterManagers : IRequest<IReadOnlyList<ClusterManagerSummary>>;

/// <summary>Where a cluster stands with the agency's funding on a given day.</summary>
public enum FundingStatus
{
    /// <summary>No funding dates, or before the funding began.</summary>
    None,
    Funded,
    PostFunding,
}

/// <summary>A cluster as reports see it: its type and funding period.</summary>
public sealed record ClusterSummary(Guid ClusterId, string Name, string Type, DateOnly? FundingStart, DateOnly? FundingEnd)
{
    /// <summary>Funded from the first to the last day of the funding period, post-funding after it.</summary>
    public FundingStatus StatusOn(DateOnly day) => (FundingStart, FundingEnd) switch
    {
        (_, { } end) when day > end => FundingStatus.PostFunding,
        ({ } start, _) when day >= start => FundingStatus.Funded,
        (null, { }) => FundingStatus.Funded,
        _ => FundingStatus.None,
    };
}

/// <summary>Ask for clusters by id (e.g. one manager's, for its type); unknown ids are left out.</summary>
public sealed record GetClusterSummaries(IReadOnlyCollection<Guid> ClusterIds) : IRequest<IReadOnlyList<ClusterSummary>>;

/// <summary>Every cluster, by name, active or not (reports list the ones they did not reach too).</summary>
public sealed record GetAllClusters : IRequest<IReadOnlyList<ClusterSummary>>;
