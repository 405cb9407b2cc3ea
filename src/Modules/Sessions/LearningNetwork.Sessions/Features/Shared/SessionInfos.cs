using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;

namespace LearningNetwork.Sessions.Features.Shared;

/// <summary>A session as other modules see it (<see cref="SessionInfo"/>): its snapshot, state and description.</summary>
internal static class SessionInfos
{
    public static SessionInfo ToInfo(this Session session) => new(session.ToSnapshot(), session.State, session.Description);
}
