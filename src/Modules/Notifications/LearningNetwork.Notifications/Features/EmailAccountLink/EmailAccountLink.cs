using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using LearningNetwork.Notifications.Sending;
using MediatR;

namespace LearningNetwork.Notifications.Features.EmailAccountLink;

/// <summary>An invitation or password-reset link becomes an email in the send log, once per event.</summary>
internal sealed class EmailAccountLinkHandler(NotificationsDbContext db, LocalFormats formats, TimeProvider clock)
    : INotificationHandler<AccountLinkIssued>
{
    public async Task Handle(AccountLinkIssued notification, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var email = Email.Create(
            notification.Purpose == AccountLinkPurpose.Invitation ? EmailKind.Invitation : EmailKind.PasswordReset,
            sourceKey: $"account-link:{notification.EventId}",
            notification.Email,
            notification.FullName,
            notification.PreferredLanguage,
            dueAt: now,
            now,
            values: new Dictionary<string, string> { ["expires"] = formats.DateTime(notification.ExpiresAt, notification.PreferredLanguage) },
            protectedValues: new Dictionary<string, string> { ["token"] = notification.ProtectedToken });
        await SendLog.AddOnceAsync(db, email, cancellationToken);
    }
}
