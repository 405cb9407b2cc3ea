using LearningNetwork.BuildingBlocks.Contracts;
using MediatR;

namespace LearningNetwork.GuidelineDocuments.Contracts;

/// <summary>The guideline downloads of a cluster manager.</summary>
public sealed record ExportDownloadPersonalData(Guid ClusterManagerId) : IRequest<IReadOnlyList<DownloadRecord>>;

public sealed record DownloadRecord(Guid GuidelineId, string Title, int Version, DateTimeOffset At);

/// <summary>Unlinks the manager's downloads from them (the count of downloads stays).</summary>
public sealed record EraseDownloadPersonalData(DataSubject Subject) : IRequest<MediatR.Unit>;
