using LearningNetwork.BuildingBlocks.Contracts;
using MediatR;

namespace LearningNetwork.GuidelineDocuments.Contracts;

/// <summary>A newer version of a published guideline went live; these managers had downloaded an earlier one.</summary>
public sealed record GuidelineUpdated(Guid GuidelineId, string Title, int Version, string? ChangeNote, IReadOnlyList<Guid> ClusterManagerIds) : IntegrationEvent;

/// <summary>A session's list of materials was replaced; whoever keeps a copy asks <see cref="GetSessionMaterials"/> for it.</summary>
public sealed record SessionMaterialsChanged(Guid SessionId) : IntegrationEvent;

public sealed record MaterialSummary(Guid GuidelineId, string Title, string Language);

/// <summary>The published guidelines attached to these sessions as their materials.</summary>
public sealed record GetSessionMaterials(IReadOnlyCollection<Guid> SessionIds) : IRequest<IReadOnlyDictionary<Guid, IReadOnlyList<MaterialSummary>>>;

/// <summary>A guideline's title and whether managers can see it (published).</summary>
public sealed record GuidelineSummary(Guid GuidelineId, string Title, string Language, bool IsPublished);

/// <summary>Ask for guidelines by id; unknown ids are left out.</summary>
public sealed record GetGuidelineSummaries(IReadOnlyCollection<Guid> GuidelineIds) : IRequest<IReadOnlyList<GuidelineSummary>>;
