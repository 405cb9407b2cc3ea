using System.Globalization;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Features.Shared;
using MediatR;

namespace LearningNetwork.Notifications.Features.EmailWaitlisted;

/// <summary>A place on the waitlist is emailed with its position.</summary>
internal sealed class EmailWaitlistedHandler(EnrollmentMail mail) : INotificationHandler<EnrollmentWaitlisted>
{
    public Task Handle(EnrollmentWaitlisted notification, CancellationToken cancellationToken) =>
        mail.SendAsync(EmailKind.Waitlisted, $"waitlisted:{notification.EnrollmentId}", notification.SessionId, notification.ClusterManagerId,
            new Dictionary<string, string> { ["position"] = notification.Position.ToString(CultureInfo.InvariantCulture) }, icsMethod: null, cancellationToken,
            notification.Session, notification.Enrollee);
}
