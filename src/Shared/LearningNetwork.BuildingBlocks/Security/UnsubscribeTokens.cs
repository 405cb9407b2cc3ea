using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace LearningNetwork.BuildingBlocks.Security;

/// <summary>
/// The token in an announcement's one-click unsubscribe link (List-Unsubscribe, RFC 8058). It
/// names one manager and one purpose (announcements), protected with data protection under its
/// own purpose string: it cannot be guessed or altered, and no other token (an email secret, a
/// cookie) is read as one. Notifications writes it, the directory reads it.
/// </summary>
public static class UnsubscribeTokens
{
    public const string ProtectionPurpose = "LearningNetwork.Unsubscribe.v1";

    private const string Announcements = "announcements";

    public static string ForAnnouncements(IDataProtectionProvider protection, Guid clusterManagerId) =>
        protection.CreateProtector(ProtectionPurpose).Protect($"{Announcements}:{clusterManagerId:D}");

    /// <summary>The manager a token stops announcements for; false for anything else.</summary>
    public static bool TryReadAnnouncements(IDataProtectionProvider protection, string? token, out Guid clusterManagerId)
    {
        clusterManagerId = Guid.Empty;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return false;
        }

        string payload;
        try
        {
            payload = protection.CreateProtector(ProtectionPurpose).Unprotect(token);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }

        var parts = payload.Split(':', 2);
        return parts.Length == 2 && parts[0] == Announcements
            && Guid.TryParseExact(parts[1], "D", out clusterManagerId);
    }
}
