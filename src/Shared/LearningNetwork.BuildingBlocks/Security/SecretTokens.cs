using System.Security.Cryptography;
using System.Text;

namespace LearningNetwork.BuildingBlocks.Security;

/// <summary>
/// The secrets in links (invitations, password resets, calendar feeds, feedback): 256 random
/// bits, URL-safe, and stored only as their SHA-256 so a copy of the database opens nothing.
/// </summary>
public static class SecretTokens
{
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
