using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Sessions.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Persistence;

internal sealed class SessionsDbContext(DbContextOptions<SessionsDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "sessions";

    public override string Schema => SchemaName;

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<SessionSeries> Series => Set<SessionSeries>();

    public DbSet<ReminderDefault> ReminderDefaults => Set<ReminderDefault>();

    public DbSet<SessionCopy> SessionCopies => Set<SessionCopy>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SessionsDbContext).Assembly);
    }
}

internal sealed class SessionsDesignTimeFactory : DesignTimeContextFactory<SessionsDbContext>,
    Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SessionsDbContext>
{
    protected override string Schema => SessionsDbContext.SchemaName;

    protected override SessionsDbContext Create(DbContextOptions<SessionsDbContext> options) => new(options);
}
