using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Enrollments.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Persistence;

internal sealed class EnrollmentsDbContext(DbContextOptions<EnrollmentsDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "enrollments";

    public override string Schema => SchemaName;

    public DbSet<Enrollment> Enrollments => Set<Enrollment>();

    public DbSet<SessionSeats> Seats => Set<SessionSeats>();

    public DbSet<SessionFigures> SessionFigures => Set<SessionFigures>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<FeedbackToken> FeedbackTokens => Set<FeedbackToken>();

    public DbSet<FeedbackResponse> Feedback => Set<FeedbackResponse>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var enrollment = modelBuilder.Entity<Enrollment>();
        enrollment.ToTable("enrollments");
        enrollment.HasKey(e => e.Id);
        enrollment.Property(e => e.Id).ValueGeneratedNever();
        enrollment.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        enrollment.Property(e => e.Attendance).HasConversion<string>().HasMaxLength(20);
        enrollment.Property(e => e.CancellationCause).HasConversion<string>().HasMaxLength(30);
        // One live enrollment per manager and session, whatever the concurrency.
        enrollment.HasIndex(e => new { e.SessionId, e.ClusterManagerId }).IsUnique()
            .HasFilter("status <> 'Cancelled'").HasDatabaseName("ux_enrollments_live_per_manager");
        enrollment.HasIndex(e => new { e.SessionId, e.WaitlistNumber }).IsUnique()
            .HasFilter("status = 'Waitlisted'").HasDatabaseName("ux_enrollments_waitlist_order");
        enrollment.HasIndex(e => new { e.ClusterManagerId, e.Status });
        // A session's participants, all states (the unique index above leaves the cancelled out).
        enrollment.HasIndex(e => e.SessionId);

        var seats = modelBuilder.Entity<SessionSeats>();
        seats.ToTable("session_seats", t =>
        {
            t.HasCheckConstraint("ck_session_seats_within_capacity", "seats_taken >= 0 AND seats_taken <= capacity");
            t.HasCheckConstraint("ck_session_seats_waitlist_not_negative", "waitlist_length >= 0");
        });
        seats.HasKey(s => s.SessionId);
        seats.Property(s => s.SessionId).ValueGeneratedNever();

        var figures = modelBuilder.Entity<SessionFigures>();
        figures.ToTable("session_figures");
        figures.HasKey(f => f.SessionId);
        figures.Property(f => f.SessionId).ValueGeneratedNever();

        // A plain index on session_id would make the dashboard read every enrollment's row; this one answers
        // its per-manager sums from the index alone.
        enrollment.HasIndex(e => e.SessionId, "ix_enrollments_confirmed_by_session").HasFilter("status = 'Confirmed'")
            .IncludeProperties(e => new { e.ClusterManagerId, e.Attendance }).HasDatabaseName("ix_enrollments_confirmed_by_session");

        var token = modelBuilder.Entity<FeedbackToken>();
        token.ToTable("feedback_tokens");
        token.HasKey(t => t.TokenHash);
        token.Property(t => t.TokenHash).HasMaxLength(64);
        token.HasIndex(t => t.EnrollmentId);

        var feedback = modelBuilder.Entity<FeedbackResponse>();
        feedback.ToTable("feedback", t => t.HasCheckConstraint("ck_feedback_rating", "rating BETWEEN 1 AND 5"));
        feedback.HasKey(f => f.EnrollmentId);
        feedback.Property(f => f.Comment).HasMaxLength(4000);
        feedback.HasIndex(f => f.SessionId);

        var feed = modelBuilder.Entity<CalendarFeed>();
        feed.ToTable("calendar_feeds");
        feed.HasKey(f => f.ClusterManagerId);
        feed.Property(f => f.TokenHash).HasMaxLength(64);
        feed.HasIndex(f => f.TokenHash).IsUnique();
    }
}

internal sealed class EnrollmentsDesignTimeFactory : DesignTimeContextFactory<EnrollmentsDbContext>,
    Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<EnrollmentsDbContext>
{
    protected override string Schema => EnrollmentsDbContext.SchemaName;

    protected override EnrollmentsDbContext Create(DbContextOptions<EnrollmentsDbContext> options) => new(options);
}
