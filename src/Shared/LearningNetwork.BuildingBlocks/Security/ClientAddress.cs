using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.BuildingBlocks.Security;

/// <summary>
/// A secret only this process knows. The web UI calls this host's own API over loopback on
/// behalf of a browser; with this secret it may say which browser, so per-address limits (sign-in,
/// password links) count that browser instead of lumping every UI user under 127.0.0.1.
/// </summary>
public sealed class LoopbackCallerSecret
{
    public const string SecretHeader = "X-LearningNetwork-Ui-Caller";
    public const string AddressHeader = "X-LearningNetwork-Client-Address";

    public string Value { get; } = SecretTokens.New();
}

public static class ClientAddress
{
    /// <summary>The browser's address for the UI's loopback calls; the connection's address for everyone else.</summary>
    public static string Of(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if ((remote is null || IPAddress.IsLoopback(remote))
            && context.RequestServices.GetService<LoopbackCallerSecret>() is { } secret
            && context.Request.Headers[LoopbackCallerSecret.SecretHeader] is [{ } presented]
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(secret.Value))
            && context.Request.Headers[LoopbackCallerSecret.AddressHeader] is [{ Length: > 0 and <= 64 } address])
        {
            return address;
        }

        return remote?.ToString() ?? "unknown";
    }
}
