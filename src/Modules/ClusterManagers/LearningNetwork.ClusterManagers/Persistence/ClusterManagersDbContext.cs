using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.ClusterManagers.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Persistence;

internal sealed class ClusterManagersDbContext(DbContextOptions<ClusterManagersDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "cluster_managers";

    public override string Schema => SchemaName;

    public DbSet<Cluster> Clusters => Set<Cluster>();

    public DbSet<ClusterManager> Managers => Set<ClusterManager>();

    public DbSet<ClusterChange> ClusterChanges => Set<ClusterChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var cluster = modelBuilder.Entity<Cluster>();
        cluster.ToTable("clusters", t => t.HasCheckConstraint("ck_clusters_funding_period", "funding_end IS NULL OR funding_start IS NULL OR funding_end >= funding_start"));
        cluster.HasKey(c => c.Id);
        cluster.Property(c => c.Id).ValueGeneratedNever();
        cluster.Property(c => c.Name).HasMaxLength(200);
        cluster.Property(c => c.NameKey).HasMaxLength(200);
        cluster.HasIndex(c => c.NameKey).IsUnique();
        cluster.Property(c => c.Type).HasConversion<string>().HasMaxLength(40);
        cluster.Property(c => c.PostFundingPlan).HasConversion<string>().HasMaxLength(40);
        cluster.Property(c => c.Domain).HasMaxLength(200);

        var change = modelBuilder.Entity<ClusterChange>();
        change.ToTable("cluster_history");
        change.HasKey(c => c.Id);
        change.Property(c => c.Id).ValueGeneratedNever();
        change.Property(c => c.Field).HasMaxLength(40);
        change.Property(c => c.OldValue).HasMaxLength(40);
        change.Property(c => c.NewValue).HasMaxLength(40);
        change.HasOne<Cluster>().WithMany().HasForeignKey(c => c.ClusterId).OnDelete(DeleteBehavior.Cascade);
        change.HasIndex(c => new { c.ClusterId, c.At });

        var manager = modelBuilder.Entity<ClusterManager>();
        manager.ToTable("managers");
        manager.HasKey(m => m.Id);
        manager.Property(m => m.Id).ValueGeneratedNever();
        manager.Property(m => m.FullName).HasMaxLength(200);
        manager.Property(m => m.NameKey).HasMaxLength(200);
        manager.Property(m => m.Email).HasMaxLength(256);
        manager.Property(m => m.EmailKey).HasMaxLength(256);
        manager.HasIndex(m => m.EmailKey).IsUnique();
        manager.Property(m => m.PreferredLanguage).HasMaxLength(2);
        manager.Property(m => m.Phone).HasMaxLength(40);
        manager.HasOne<Cluster>().WithMany().HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Restrict);
        manager.HasIndex(m => m.ClusterId);
        manager.HasIndex(m => m.FullName);
    }
}

internal sealed class ClusterManagersDesignTimeFactory : DesignTimeContextFactory<ClusterManagersDbContext>,
    Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<ClusterManagersDbContext>
{
    protected override string Schema => ClusterManagersDbContext.SchemaName;

    protected override ClusterManagersDbContext Create(DbContextOptions<ClusterManagersDbContext> options) => new(options);
}
