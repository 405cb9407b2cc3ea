using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.GuidelineDocuments.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Persistence;

internal sealed class GuidelinesDbContext(DbContextOptions<GuidelinesDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "guideline_documents";

    public override string Schema => SchemaName;

    public DbSet<Guideline> Guidelines => Set<Guideline>();

    public DbSet<Download> Downloads => Set<Download>();

    public DbSet<SessionMaterial> Materials => Set<SessionMaterial>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var guideline = modelBuilder.Entity<Guideline>();
        guideline.ToTable("guidelines");
        guideline.HasKey(g => g.Id);
        guideline.Property(g => g.Id).ValueGeneratedNever();
        guideline.Property(g => g.Title).HasMaxLength(300);
        guideline.Property(g => g.Category).HasMaxLength(100);
        guideline.Property(g => g.Language).HasMaxLength(2);
        guideline.Property(g => g.Summary).HasMaxLength(4000);
        guideline.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        guideline.Ignore(g => g.LatestPublished);
        guideline.Ignore(g => g.Latest);
        // Full-text search over accent-folded title and summary; 'simple' so Dutch, English and French all work.
        guideline.HasIndex(g => g.SearchText).HasMethod("gin").IsTsVectorExpressionIndex("simple");
        guideline.HasIndex(g => new { g.Status, g.Category, g.Language });
        guideline.HasMany(g => g.Versions).WithOne().HasForeignKey(v => v.GuidelineId).OnDelete(DeleteBehavior.Cascade);
        guideline.Navigation(g => g.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);

        var version = modelBuilder.Entity<GuidelineVersion>();
        version.ToTable("versions");
        version.HasKey(v => new { v.GuidelineId, v.Number });
        version.Property(v => v.FileName).HasMaxLength(200);
        version.Property(v => v.ContentType).HasMaxLength(120);
        version.Property(v => v.Sha256).HasMaxLength(64);
        version.Property(v => v.ChangeNote).HasMaxLength(2000);

        var download = modelBuilder.Entity<Download>();
        download.ToTable("downloads");
        download.HasKey(d => d.Id);
        download.HasIndex(d => new { d.GuidelineId, d.At });

        var material = modelBuilder.Entity<SessionMaterial>();
        material.ToTable("session_materials");
        material.HasKey(m => new { m.SessionId, m.GuidelineId });

        var blob = modelBuilder.Entity<Blob>();
        blob.ToTable("blobs");
        blob.HasKey(b => b.Id);
        var chunk = modelBuilder.Entity<BlobChunk>();
        chunk.ToTable("blob_chunks");
        chunk.HasKey(c => new { c.BlobId, c.Sequence });
    }

    /// <summary>Mapped only so migrations create the tables; <see cref="Storage.PostgresFileStore"/> reads and writes them.</summary>
    internal sealed class Blob
    {
        public Guid Id { get; set; }

        public long Length { get; set; }

        public int ChunkSize { get; set; }
    }

    internal sealed class BlobChunk
    {
        public Guid BlobId { get; set; }

        public int Sequence { get; set; }

        public byte[] Data { get; set; } = [];
    }
}

internal sealed class GuidelinesDesignTimeFactory : DesignTimeContextFactory<GuidelinesDbContext>,
    Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<GuidelinesDbContext>
{
    protected override string Schema => GuidelinesDbContext.SchemaName;

    protected override GuidelinesDbContext Create(DbContextOptions<GuidelinesDbContext> options) => new(options);
}
