using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.Sessions.Contracts;

namespace LearningNetwork.LearningNetworks.Features.Shared;

/// <summary>A learning network as every endpoint returns it.</summary>
/// <param name="IsMember">Whether the signed-in manager belongs to it; null for staff.</param>
/// <param name="Meetings">Its meetings in start order: staff see drafts too, managers published and cancelled ones.</param>
internal sealed record NetworkResponse(
    Guid Id,
    string Name,
    string Theme,
    string? Description,
    NetworkMembership Membership,
    Guid? FacilitatorStaffId,
    int MemberCount,
    bool? IsMember,
    IReadOnlyList<UpcomingMeeting> UpcomingMeetings,
    IReadOnlyList<NetworkMeeting> Meetings);

/// <summary>A published meeting that has not started yet.</summary>
internal sealed record UpcomingMeeting(Guid SessionId, string Title, DateTime StartsAt);

internal sealed record NetworkMeeting(Guid SessionId, string Title, DateTime StartsAt, DateTime EndsAt, SessionState Status);
