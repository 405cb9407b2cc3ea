using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.LearningNetworks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningNetwork.LearningNetworks.Persistence;

internal sealed class LearningNetworksDbContext(DbContextOptions<LearningNetworksDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "learning_networks";

    public override string Schema => SchemaName;

    public DbSet<Network> Networks => Set<Network>();

    public DbSet<Member> Members => Set<Member>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new NetworkConfiguration());
        modelBuilder.ApplyConfiguration(new MemberConfiguration());
    }
}

internal sealed class NetworkConfiguration : IEntityTypeConfiguration<Network>
{
    public void Configure(EntityTypeBuilder<Network> builder)
    {
        builder.ToTable("networks");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Name).HasMaxLength(200);
        builder.Property(n => n.Theme).HasMaxLength(200);
        builder.Property(n => n.Description).HasMaxLength(4000);
        builder.Property(n => n.Membership).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Version).IsRowVersion();
        builder.HasIndex(n => n.Name);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members");
        // One row per manager and network: two hosts adding the same person at once add them once.
        builder.HasKey(m => new { m.NetworkId, m.ClusterManagerId });
        builder.Property(m => m.JoinNumber).UseIdentityAlwaysColumn();
        builder.HasIndex(m => m.ClusterManagerId);
        builder.HasIndex(m => new { m.NetworkId, m.JoinNumber });
        builder.HasOne<Network>().WithMany().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LearningNetworksDesignTimeFactory : DesignTimeContextFactory<LearningNetworksDbContext>,
    Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<LearningNetworksDbContext>
{
    protected override string Schema => LearningNetworksDbContext.SchemaName;

    protected override LearningNetworksDbContext Create(DbContextOptions<LearningNetworksDbContext> options) => new(options);
}
