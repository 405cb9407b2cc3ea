using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.Sessions.Contracts;

namespace LearningNetwork.Enrollments.Features.Shared;

/// <summary>When a session takes enrollments: published, not started, before its deadline.</summary>
internal static class SessionRules
{
    public static void EnsureOpen(SessionInfo info, DateTimeOffset now)
    {
        var reason = info.State switch
        {
            SessionState.Draft => "This session is not published yet.",
            SessionState.Cancelled => "This session is cancelled.",
            _ when now >= info.Session.StartsAt => "This session has already started.",
            _ when info.Session.EnrollmentDeadlineAt is { } deadline && now > deadline => "The enrollment deadline of this session has passed.",
            _ => null,
        };
        if (reason is not null)
        {
            throw new ConflictException(reason);
        }
    }
}
