using System.Text.Json;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LearningNetwork.Notifications.Persistence;

internal sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "notifications";

    public override string Schema => SchemaName;

    public DbSet<Email> Emails => Set<Email>();

    public DbSet<EmailFigureChange> EmailFigures => Set<EmailFigureChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var email = modelBuilder.Entity<Email>();
        email.ToTable("emails");
        email.HasKey(e => e.Id);
        email.Property(e => e.Id).ValueGeneratedNever();
        email.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        email.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        email.Property(e => e.SourceKey).HasMaxLength(300);
        email.Property(e => e.Recipient).HasMaxLength(320);
        email.Property(e => e.RecipientName).HasMaxLength(200);
        email.Property(e => e.Language).HasMaxLength(2);
        email.Property(e => e.Subject).HasMaxLength(500);
        email.Property(e => e.LastError).HasMaxLength(2000);
        email.Property(e => e.TraceParent).HasMaxLength(BuildingBlocks.Telemetry.Tracing.TraceParentLength);
        JsonDictionary(email.Property(e => e.Values));
        JsonDictionary(email.Property(e => e.ProtectedValues));
        email.HasIndex(e => e.SourceKey).IsUnique();
        // The sender's scan: only rows still to send, in due order.
        email.HasIndex(e => e.NextAttemptAt).HasFilter("status IN ('Pending', 'Sending')").HasDatabaseName("ix_emails_to_send");
        email.HasIndex(e => new { e.SessionId, e.Kind });
        email.HasIndex(e => e.Recipient);
        email.HasIndex(e => e.ClusterManagerId);
        email.HasIndex(e => e.CreatedAt);

        var figures = modelBuilder.Entity<EmailFigureChange>();
        figures.ToTable("email_figures");
        figures.HasKey(f => f.Id);
        figures.Property(f => f.Id).UseIdentityAlwaysColumn();
        figures.Property(f => f.Kind).HasConversion<string>().HasMaxLength(40);
        figures.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        figures.HasIndex(f => new { f.Kind, f.DueDay });
    }

    /// <summary>Template values as the jsonb columns hold them.</summary>
    private static string ToJson(Dictionary<string, string> values) => JsonSerializer.Serialize(values, JsonSerializerOptions.Default);

    private static void JsonDictionary(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<Dictionary<string, string>> property) =>
        property
            .HasColumnType("jsonb")
            .HasConversion(
                value => ToJson(value),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    d => d.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    d => new Dictionary<string, string>(d)));
}

internal sealed class NotificationsDesignTimeFactory : DesignTimeContextFactory<NotificationsDbContext>,
    Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<NotificationsDbContext>
{
    protected override string Schema => NotificationsDbContext.SchemaName;

    protected override NotificationsDbContext Create(DbContextOptions<NotificationsDbContext> options) => new(options);
}
