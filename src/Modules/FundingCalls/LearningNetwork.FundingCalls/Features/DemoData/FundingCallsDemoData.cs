using LearningNetwork.BuildingBlocks.Hosting;
using LearningNetwork.FundingCalls.Domain;
using LearningNetwork.FundingCalls.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.FundingCalls.Features.DemoData;

/// <summary>
/// Two published calls a newcomer can look at: one for Innovative Business Networks, one for
/// Spearhead Clusters, with deadlines a few weeks ahead and the usual reminders planned. Only on
/// an empty module.
/// </summary>
internal sealed class FundingCallsDemoData(FundingCallsDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    private const string Brussels = "Europe/Brussels";

    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Calls.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(Brussels)).Date;
        FundingCall Published(string title, string instrument, string description, string[] types, int daysAhead)
        {
            var call = FundingCall.Create(new CallDetails(title, instrument, description, types, DateOnly.FromDateTime(today.AddDays(-7)),
                today.AddDays(daysAhead).AddHours(17), Brussels, "https://funding.example/calls", [], [14, 3]), now);
            call.Publish(now);
            return call;
        }

        db.Calls.AddRange(
            Published("Clusterprojecten voor innovatieve bedrijfsnetwerken", "Cluster project",
                "Collective projects that bring the network's members a step further, after the funding period too.", ["InnovativeBusinessNetwork"], 45),
            Published("Internationalisation of Spearhead Clusters", "Spearhead cluster roadmap",
                "Support for international partnerships of spearhead clusters.", ["SpearheadCluster"], 20));
        await db.SaveChangesAsync(cancellationToken);
    }
}
