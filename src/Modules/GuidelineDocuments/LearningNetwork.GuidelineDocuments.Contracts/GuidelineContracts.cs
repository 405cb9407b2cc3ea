using LearningNetwork.BuildingBlocks.Contracts;
using MediatR;

namespace LearningNetwork.GuidelineDocuments.Contracts;

/// <summary>A newer version of a published guideline went live; these managers had downloaded an earlier one.</summary>
public sealed record GuidelineUpdated(Guid GuidelineId, string Title, int Version, string? ChangeNote, IReadOnlyList<Guid> ClusterManagerIds) : IntegrationEvent;

public sealed record MaterialSummary(Guid GuidelineId, string Title, string Language);

/// <summary>The published guidelines attached to these sessions as their materials.</summary>
public sealed record GetSessionMaterials(IReadOnlyCollection<Guid> SessionIds) : IRequest<IReadOnlyDictionary<Guid, IReadOnlyList<MaterialSummary>>>;
