using LearningNetwork.BuildingBlocks.Contracts;
using MediatR;

namespace LearningNetwork.ClusterManagers.Contracts;

/// <summary>The directory entry and preferences of a cluster manager; null when there is none or it was erased.</summary>
public sealed record ExportDirectoryPersonalData(Guid ClusterManagerId) : IRequest<DirectoryPersonalData?>;

public sealed record DirectoryPersonalData(
    Guid ClusterManagerId, string FullName, string Email, string? Phone, string PreferredLanguage, bool Announcements,
    Guid ClusterId, string ClusterName, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DeactivatedAt);

/// <summary>
/// Anonymises the directory entry: deactivated, name, email and phone replaced, the email free
/// for a new manager; the entry stays (with its cluster) so anonymous figures stay the same.
/// </summary>
public sealed record EraseDirectoryPersonalData(DataSubject Subject) : IRequest<MediatR.Unit>;
