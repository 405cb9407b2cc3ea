using LearningNetwork.BuildingBlocks.Hosting;
using LearningNetwork.ClusterManagers.Domain;
using LearningNetwork.ClusterManagers.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.DemoData;

/// <summary>
/// Clusters in the spirit of the Flemish Spearhead Clusters and Innovative Business Networks,
/// with a manager or two each. Their invitations land in the local inbox, so a newcomer can
/// follow one and sign in as a manager. Only on an empty directory.
/// </summary>
internal sealed class DirectoryDemoData(ClusterManagersDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Clusters.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var year = now.Year;
        (string Name, ClusterType Type, string Domain, int Members, int FundedFrom, int FundedUntil, PostFundingPlan Plan, (string Name, string Email, string Language)[] Managers)[] directory =
        [
            ("Energiecluster Vlaanderen", ClusterType.SpearheadCluster, "Energy and smart grids", 180, year - 4, year + 4, PostFundingPlan.Undecided,
                [("Sofie Peeters", "sofie.peeters@energiecluster.example", "nl"), ("Tom Wouters", "tom.wouters@energiecluster.example", "nl")]),
            ("Chemie & Kunststoffen Hub", ClusterType.SpearheadCluster, "Sustainable chemistry and plastics", 240, year - 5, year + 3, PostFundingPlan.Undecided,
                [("Lotte Janssens", "lotte.janssens@chemiehub.example", "nl")]),
            ("Food Innovation Flanders", ClusterType.SpearheadCluster, "Agri-food", 310, year - 6, year + 2, PostFundingPlan.ContinueIndependently,
                [("Pieter Maes", "pieter.maes@foodinnovation.example", "en")]),
            ("Blue Economy Cluster", ClusterType.SpearheadCluster, "Offshore and maritime", 95, year - 3, year + 5, PostFundingPlan.Undecided,
                [("Camille Dubois", "camille.dubois@blueeconomy.example", "fr")]),
            ("Smart Farming Netwerk", ClusterType.InnovativeBusinessNetwork, "Precision agriculture", 28, year - 3, year, PostFundingPlan.JoinSpearheadCluster,
                [("Jan Claes", "jan.claes@smartfarming.example", "nl")]),
            ("Circulair Bouwen Netwerk", ClusterType.InnovativeBusinessNetwork, "Circular construction", 34, year - 2, year + 1, PostFundingPlan.JoinCollectiveCentre,
                [("An Willems", "an.willems@circulairbouwen.example", "nl")]),
            ("Digital Health Network", ClusterType.InnovativeBusinessNetwork, "Health tech", 22, year - 4, year - 1, PostFundingPlan.ContinueIndependently,
                [("Emma Jacobs", "emma.jacobs@digitalhealth.example", "en")]),
        ];

        foreach (var entry in directory)
        {
            var cluster = Cluster.Create(new ClusterDetails(entry.Name, entry.Type, entry.Domain, new DateOnly(entry.FundedFrom, 1, 1),
                new DateOnly(entry.FundedUntil, 12, 31), entry.Members, entry.Plan), now);
            db.Clusters.Add(cluster);
            foreach (var (name, email, language) in entry.Managers)
            {
                db.Managers.Add(ClusterManager.Register(new ManagerDetails(cluster.Id, name, email, language, null), now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
