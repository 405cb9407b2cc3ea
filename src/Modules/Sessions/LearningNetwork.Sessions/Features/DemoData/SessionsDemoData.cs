using LearningNetwork.BuildingBlocks.Hosting;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.DemoData;

/// <summary>
/// Upcoming sessions a newcomer can look at and enroll in: trainings on funding rules, learning-network
/// meetings, and a monthly peer-coaching series. Only on an empty sessions table.
/// </summary>
internal sealed class SessionsDemoData(SessionsDbContext db, IMediator mediator, TimeProvider clock) : IDemoDataSeeder
{
    private const string Brussels = "Europe/Brussels";

    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Sessions.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var defaults = await db.ReminderDefaults.AsNoTracking().ToDictionaryAsync(d => d.Kind, d => d.Rules, cancellationToken);
        var today = TimeZoneInfo.ConvertTime(now, ZonedTime.FindZone(Brussels)).Date;

        // The learning networks' demo data names the networks these meetings belong to.
        var networks = (await mediator.Send(new GetAllLearningNetworks(), cancellationToken)).ToDictionary(n => n.Name, n => (Guid?)n.LearningNetworkId);
        var openNetwork = networks.GetValueOrDefault("Ledenwerving na de financiering");
        var peerCoaching = networks.GetValueOrDefault("Intervisie clustermanagers");

        Session Planned(int daysAhead, int hour, int hours, SessionDetails details, bool publish = true, Guid? network = null)
        {
            var start = today.AddDays(daysAhead).AddHours(hour);
            var session = Session.Schedule(details, start, start.AddHours(hours), Brussels, start.AddDays(-2), defaults[details.Kind], now, learningNetworkId: network);
            if (publish)
            {
                session.Publish(now);
            }

            return session;
        }

        db.Sessions.AddRange(
            Planned(9, 9, 3, new SessionDetails(
                "Subsidieregels 2027: wat verandert er voor clusterprojecten?",
                "De nieuwe richtlijnen voor projectfinanciering, met voorbeelden uit cluster-projecten.",
                SessionKind.Training, "Koning Albert II-laan 35, 1030 Brussel", null, 30)),
            Planned(16, 14, 2, new SessionDetails(
                "Lerend netwerk: ledenwerving na de financieringsperiode",
                "Clustermanagers delen hoe ze leden blijven binden wanneer de steun afloopt.",
                SessionKind.LearningNetworkMeeting, null, "https://meet.example.org/ln-ledenwerving", 25), network: openNetwork),
            Planned(23, 10, 4, new SessionDetails(
                "Writing a strong cluster project proposal",
                "Hands-on training: impact, budget and consortium, in English.",
                SessionKind.Training, "Technologiepark 122, 9052 Gent", null, 20)),
            Planned(30, 13, 2, new SessionDetails(
                "Atelier : business model d'un cluster autonome",
                "Pour les clusters qui continuent de façon indépendante.",
                SessionKind.LearningNetworkMeeting, "Philipssite 5, 3001 Leuven", "https://meet.example.org/ln-atelier", 15)),
            Planned(40, 9, 2, new SessionDetails(
                "Draft: GDPR for member databases",
                null,
                SessionKind.Training, null, "https://meet.example.org/ln-gdpr", 40), publish: false));

        var firstTuesday = Enumerable.Range(1, 40).Select(d => today.AddDays(d)).First(d => d.DayOfWeek == DayOfWeek.Tuesday && d.Day <= 7);
        var (series, occurrences) = SessionSeries.Plan(
            new SessionDetails("Intervisie clustermanagers", "Maandelijkse intervisie in kleine groep.", SessionKind.LearningNetworkMeeting, null, "https://meet.example.org/ln-intervisie", 12),
            Brussels, firstTuesday.AddHours(16), 90, "FREQ=MONTHLY;BYDAY=1TU;COUNT=6", defaults[SessionKind.LearningNetworkMeeting], now, peerCoaching);
        foreach (var occurrence in occurrences)
        {
            occurrence.Publish(now);
        }

        db.Series.Add(series);
        db.Sessions.AddRange(occurrences);
        await db.SaveChangesAsync(cancellationToken);
    }
}
