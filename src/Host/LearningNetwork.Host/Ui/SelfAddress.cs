using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LearningNetwork.Host.Ui;

/// <summary>
/// Where this host can reach its own API: `Ui:ApiBaseUrl` when set, else the first address
/// Kestrel listens on, with a wildcard host (0.0.0.0, [::], +, *) turned into loopback.
/// </summary>
public sealed class SelfAddress(IServer server, IConfiguration configuration)
{
    private Uri? _baseAddress;

    public Uri BaseAddress => _baseAddress ??= Resolve();

    private Uri Resolve()
    {
        if (configuration["Ui:ApiBaseUrl"] is { Length: > 0 } configured)
        {
            return new Uri(configured);
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The web UI needs the host to listen on an address (Kestrel), or Ui:ApiBaseUrl.");
        var builder = new UriBuilder(chosen.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "127.0.0.1";
        }

        return builder.Uri;
    }
}
