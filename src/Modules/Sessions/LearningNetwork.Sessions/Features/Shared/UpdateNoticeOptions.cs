namespace LearningNetwork.Sessions.Features.Shared;

/// <summary>
/// <c>Sessions:UpdateNoticeWindowSeconds</c> (default 60): after a change of what confirmed
/// enrollees see of a published session, they are told this much later, in one email showing the
/// session as it is then, however many edits staff made meanwhile.
/// </summary>
internal sealed class UpdateNoticeOptions
{
    public int UpdateNoticeWindowSeconds { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, UpdateNoticeWindowSeconds));
}
