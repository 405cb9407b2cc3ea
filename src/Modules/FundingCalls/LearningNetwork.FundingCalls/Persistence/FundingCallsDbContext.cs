using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.FundingCalls.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningNetwork.FundingCalls.Persistence;

internal sealed class FundingCallsDbContext(DbContextOptions<FundingCallsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "funding_calls";

    public override string Schema => SchemaName;

    public DbSet<FundingCall> Calls => Set<FundingCall>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new FundingCallConfiguration());
    }
}

internal sealed class FundingCallConfiguration : IEntityTypeConfiguration<FundingCall>
{
    public void Configure(EntityTypeBuilder<FundingCall> builder)
    {
        builder.ToTable("calls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Instrument).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.DeadlineLocal).HasColumnType("timestamp without time zone");
        builder.Property(c => c.Url).HasMaxLength(2000);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => new { c.State, c.DeadlineAt });
    }
}

internal sealed class FundingCallsDesignTimeFactory : DesignTimeContextFactory<FundingCallsDbContext>,
    Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<FundingCallsDbContext>
{
    protected override string Schema => FundingCallsDbContext.SchemaName;

    protected override FundingCallsDbContext Create(DbContextOptions<FundingCallsDbContext> options) => new(options);
}
