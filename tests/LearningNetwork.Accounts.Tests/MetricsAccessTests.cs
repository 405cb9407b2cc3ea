using System.Net;
using LearningNetwork.Testing;

namespace LearningNetwork.Accounts.Tests;

/// <summary><c>Metrics:AllowedNetworks</c> replaces loopback: only the networks named there read <c>/metrics</c>.</summary>
public sealed class MetricsAccessTests(MetricsAccessTests.MonitoringNetworkApp app) : IClassFixture<MetricsAccessTests.MonitoringNetworkApp>
{
    [Fact]
    public async Task Only_the_configured_networks_and_addresses_read_the_metrics_and_loopback_is_no_longer_one_of_them()
    {
        var (status, body) = await app.ScrapeAsync(IPAddress.Parse("10.20.3.4"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("learningnetwork_outbox_pending{", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.ScrapeAsync(IPAddress.Parse("192.0.2.99"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.ScrapeAsync(IPAddress.Parse("::ffff:10.20.0.1"))).Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ScrapeAsync(IPAddress.Loopback)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ScrapeAsync(IPAddress.Parse("10.21.0.1"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ScrapeAsync(IPAddress.Parse("192.0.2.98"))).Status);
        var (refused, problem) = await app.ScrapeAsync(IPAddress.Parse("203.0.113.1"));
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("networks the operators allowed", problem, StringComparison.Ordinal);
    }

    public sealed class MonitoringNetworkApp : LearningNetworkApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Metrics:AllowedNetworks"] = "10.20.0.0/16; 192.0.2.99",
        };
    }
}
