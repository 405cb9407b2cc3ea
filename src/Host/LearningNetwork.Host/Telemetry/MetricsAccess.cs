using System.Net;

namespace LearningNetwork.Host.Telemetry;

/// <summary>
/// Who may read <c>/metrics</c>: clients in <c>Metrics:AllowedNetworks</c> (CIDRs, or single
/// addresses; loopback when not set), 403 for everyone else, signed in or not. The metrics name no
/// person, but they tell an outsider how busy the agency is and whether its emails flow. The
/// client is the connection's remote address as the forwarded-headers set-up leaves it
/// (<see cref="Security.TransportSecurity"/>): behind the configured proxy that is the address the
/// proxy reports, so a request relayed for an outside client is refused although the proxy's own
/// address (loopback, say) is allowed, and nobody else can claim an address with a header.
/// </summary>
internal sealed class MetricsAccess(IReadOnlyList<System.Net.IPNetwork> allowed)
{
    public const string AllowedNetworksSetting = "Metrics:AllowedNetworks";

    public IReadOnlyList<System.Net.IPNetwork> Allowed { get; } = allowed;

    public static MetricsAccess From(IConfiguration configuration)
    {
        var section = configuration.GetSection(AllowedNetworksSetting);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        if (values.Count == 0)
        {
            return new MetricsAccess([System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("::1/128")]);
        }

        return new MetricsAccess(values.Select(Parse).ToList());
    }

    public bool Allows(IPAddress? client)
    {
        if (client is null)
        {
            // No address (a test server, a Unix socket without a proxy): nothing to allow.
            return false;
        }

        var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        return Allowed.Any(network => network.Contains(address));
    }

    public async Task RefuseOthersAsync(HttpContext context, Func<Task> next)
    {
        if (Allows(context.Connection.RemoteIpAddress))
        {
            await next();
            return;
        }

        await TypedResults.Problem(
                title: "Forbidden",
                detail: "Metrics are served only to the networks the operators allowed.",
                statusCode: StatusCodes.Status403Forbidden)
            .ExecuteAsync(context);
    }

    private static System.Net.IPNetwork Parse(string value)
    {
        if (System.Net.IPNetwork.TryParse(value, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(value, out var address))
        {
            return new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new InvalidOperationException($"{AllowedNetworksSetting} has '{value}', which is not a network in CIDR notation (e.g. 10.0.0.0/8) or an IP address.");
    }
}
