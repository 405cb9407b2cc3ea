namespace LearningNetwork.ClusterManagers.Domain;

internal enum ClusterType
{
    SpearheadCluster,
    InnovativeBusinessNetwork,
}

/// <summary>What a cluster intends to do when its funding ends.</summary>
internal enum PostFundingPlan
{
    Undecided,
    ContinueIndependently,
    JoinSpearheadCluster,
    JoinCollectiveCentre,
    Stop,
}

internal sealed record ClusterDetails(
    string Name,
    ClusterType Type,
    string? Domain,
    DateOnly? FundingStart,
    DateOnly? FundingEnd,
    int? MemberCompanies,
    PostFundingPlan PostFundingPlan);

/// <summary>A business cluster the agency supports: a Spearhead Cluster or an Innovative Business Network.</summary>
internal sealed class Cluster
{
    private Cluster()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Lower-cased name: unique, and what the CSV import matches on.</summary>
    public string NameKey { get; private set; } = "";

    public ClusterType Type { get; private set; }

    public string? Domain { get; private set; }

    public DateOnly? FundingStart { get; private set; }

    public DateOnly? FundingEnd { get; private set; }

    public int? MemberCompanies { get; private set; }

    public PostFundingPlan PostFundingPlan { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static string KeyOf(string name) => name.Trim().ToLowerInvariant();

    public static Cluster Create(ClusterDetails details, DateTimeOffset now)
    {
        var cluster = new Cluster { Id = Guid.CreateVersion7(now), CreatedAt = now };
        cluster.Update(details, now);
        return cluster;
    }

    public void Update(ClusterDetails details, DateTimeOffset now)
    {
        Name = details.Name.Trim();
        NameKey = KeyOf(details.Name);
        Type = details.Type;
        Domain = string.IsNullOrWhiteSpace(details.Domain) ? null : details.Domain.Trim();
        FundingStart = details.FundingStart;
        FundingEnd = details.FundingEnd;
        MemberCompanies = details.MemberCompanies;
        PostFundingPlan = details.PostFundingPlan;
        UpdatedAt = now;
    }
}
