using LearningNetwork.Sessions.Features.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningNetwork.Sessions.Tests.Copies;

/// <summary>The seat copier follows the outbox's switch: it runs where the outbox is published, since the marks come from there.</summary>
public sealed class SeatCopierTests
{
    /// <summary>Starts the copier the module registers, on a host configured so; says whether it ends by itself, before it is stopped.</summary>
    private static async Task<bool> EndsByItselfAsync(string outboxEnabled)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Never connected to: the copier either stops at once or fails to reach it and waits.
            ["ConnectionStrings:LearningNetwork"] = "Host=127.0.0.1;Port=1;Timeout=1",
            ["Outbox:Enabled"] = outboxEnabled,
        }).Build();
        var registrations = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSessionsModule(configuration);
        Assert.Single(registrations, r => r.ServiceType == typeof(IHostedService) && r.ImplementationType == typeof(SeatCopier));
        var services = registrations.BuildServiceProvider();
        // Built as the host builds it, from the module's registrations (the other hosted services need the whole host).
        using var copier = ActivatorUtilities.CreateInstance<SeatCopier>(services);
        await copier.StartAsync(CancellationToken.None);
        // A copier that runs never ends by itself; one that does not ends as soon as it has read the switch.
        var ended = await Task.WhenAny(copier.ExecuteTask!, Task.Delay(TimeSpan.FromSeconds(2))) == copier.ExecuteTask;
        await copier.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
        return ended;
    }

    [Fact]
    public async Task A_host_that_does_not_publish_its_outbox_does_not_copy_seats()
    {
        Assert.True(await EndsByItselfAsync("false"));
    }

    [Fact]
    public async Task A_host_that_publishes_its_outbox_keeps_copying_seats()
    {
        Assert.False(await EndsByItselfAsync("true"));
    }
}
