using LearningNetwork.GuidelineDocuments.Contracts;
using LearningNetwork.Sessions.Features.Shared;
using MediatR;

namespace LearningNetwork.Sessions.Features.CopySessionMaterials;

/// <summary>The session's materials were replaced: its copy follows.</summary>
internal sealed class CopySessionMaterialsHandler(SessionCopies copies) : INotificationHandler<SessionMaterialsChanged>
{
    public Task Handle(SessionMaterialsChanged notification, CancellationToken cancellationToken) =>
        copies.CopyAsync([notification.SessionId], CopiedFacts.Materials, cancellationToken);
}
