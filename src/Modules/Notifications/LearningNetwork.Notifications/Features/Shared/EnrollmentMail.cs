using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Persistence;
using LearningNetwork.Notifications.Sending;
using LearningNetwork.Sessions.Contracts;

namespace LearningNetwork.Notifications.Features.Shared;

/// <summary>Tells a manager at once what happened to their enrollment. One email per event, whatever redelivery does.</summary>
internal sealed class EnrollmentMail(NotificationsDbContext db, SessionMail mail)
{
    /// <summary>
    /// The event may carry the session and the manager as the enrollment read them a moment
    /// earlier (<paramref name="carriedSession"/>, <paramref name="carriedManager"/>): then a busy
    /// session's confirmations need not ask both modules again, one by one. Else they are asked.
    /// </summary>
    public async Task SendAsync(EmailKind kind, string sourceKey, Guid sessionId, Guid managerId, IDictionary<string, string>? extra, string? icsMethod, CancellationToken cancellationToken,
        SessionSnapshot? carriedSession = null, ClusterManagerSummary? carriedManager = null)
    {
        var (session, manager) = carriedSession is not null && carriedManager is not null
            ? (carriedSession, carriedManager)
            : await mail.LoadAsync(sessionId, managerId, cancellationToken);
        if (session is null || manager is null)
        {
            return; // deactivated managers get no more email
        }

        await SendLog.AddOnceAsync(db, await mail.BuildAsync(kind, sourceKey, session, manager, extra, icsMethod), cancellationToken);
    }
}
