using LearningNetwork.BuildingBlocks.Security;
using Microsoft.AspNetCore.DataProtection;

namespace LearningNetwork.Notifications.Sending;

/// <summary>
/// The one-click unsubscribe token an email that managers can turn off carries (announcements,
/// funding deadlines): <see cref="EmailComposer"/> turns it into the List-Unsubscribe headers. It
/// names the manager, and the send log keeps it protected like every email secret.
/// </summary>
internal static class UnsubscribeValue
{
    public const string Key = "unsubscribeToken";

    /// <summary>The protected values of such an email; <paramref name="secrets"/> is the email secrets' protector, made once per round.</summary>
    public static Dictionary<string, string> For(IDataProtector secrets, IDataProtectionProvider protection, Guid clusterManagerId) =>
        new() { [Key] = secrets.Protect(UnsubscribeTokens.ForAnnouncements(protection, clusterManagerId)) };
}
