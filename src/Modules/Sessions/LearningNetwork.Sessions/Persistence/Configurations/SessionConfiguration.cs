using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LearningNetwork.GuidelineDocuments.Contracts;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningNetwork.Sessions.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    private static readonly JsonSerializerOptions TranslationsJson = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Session> builder)
    {
        // Seats are counted by the Enrollments module, in its own ledger (with its own CHECK backstop).
        builder.ToTable("sessions", table =>
        {
            table.HasCheckConstraint("ck_sessions_capacity_positive", "capacity >= 1");
            table.HasCheckConstraint("ck_sessions_ends_after_start", "ends_at > starts_at");
        });
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(4000);
        // {"fr": {"title": "...", "description": "..."}}: read and written whole with the session.
        builder.Property(s => s.Translations)
            .HasColumnType("jsonb")
            .HasConversion(
                value => JsonSerializer.Serialize(value, TranslationsJson),
                json => JsonSerializer.Deserialize<Dictionary<string, SessionText>>(json, TranslationsJson) ?? new Dictionary<string, SessionText>(),
                new ValueComparer<IReadOnlyDictionary<string, SessionText>>(
                    (a, b) => JsonSerializer.Serialize(a, TranslationsJson) == JsonSerializer.Serialize(b, TranslationsJson),
                    d => d.Count,
                    d => d))
            .HasDefaultValueSql("'{}'::jsonb");
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.StartLocal).HasColumnType("timestamp without time zone");
        builder.Property(s => s.EndLocal).HasColumnType("timestamp without time zone");
        builder.Property(s => s.EnrollmentDeadlineLocal).HasColumnType("timestamp without time zone");
        builder.Property(s => s.Location).HasMaxLength(300);
        builder.Property(s => s.OnlineUrl).HasMaxLength(2000);
        builder.Property(s => s.CancellationReason).HasMaxLength(1000);
        builder.Property(s => s.Version).IsRowVersion();

        builder.HasIndex(s => s.StartsAt);
        builder.HasIndex(s => new { s.Status, s.StartsAt });
        builder.HasIndex(s => s.SeriesId);
        builder.HasIndex(s => s.LearningNetworkId);
    }
}

internal sealed class SessionSeriesConfiguration : IEntityTypeConfiguration<SessionSeries>
{
    public void Configure(EntityTypeBuilder<SessionSeries> builder)
    {
        builder.ToTable("series");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Recurrence).HasMaxLength(500);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.FirstStartLocal).HasColumnType("timestamp without time zone");
        builder.HasMany<Session>().WithOne().HasForeignKey(s => s.SeriesId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReminderDefaultConfiguration : IEntityTypeConfiguration<ReminderDefault>
{
    [SuppressMessage("Performance", "CA1861:Avoid constant arrays as arguments", Justification = "Seed data, read once when the model is built; the defaults read best where they are declared.")]
    public void Configure(EntityTypeBuilder<ReminderDefault> builder)
    {
        builder.ToTable("reminder_defaults");
        builder.HasKey(d => d.Kind);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Ignore(d => d.Rules);
        // The defaults docs/api.md documents, present from the first migration on.
        builder.HasData(
            new { Kind = Contracts.SessionKind.Training, ReminderMinutesBefore = new[] { 10080, 1440 }, FollowUpMinutesAfter = new[] { 1440 }, UpdatedAt = DateTimeOffset.UnixEpoch },
            new { Kind = Contracts.SessionKind.LearningNetworkMeeting, ReminderMinutesBefore = new[] { 4320, 60 }, FollowUpMinutesAfter = new[] { 1440 }, UpdatedAt = DateTimeOffset.UnixEpoch });
    }
}

internal sealed class SessionCopyConfiguration : IEntityTypeConfiguration<SessionCopy>
{
    private static readonly JsonSerializerOptions MaterialsJson = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<SessionCopy> builder)
    {
        // A row of its own rather than columns of the session, so that copying never takes the
        // session's row (and its version) from a staff member editing it.
        builder.ToTable("session_copies");
        builder.HasKey(c => c.SessionId);
        builder.Property(c => c.SessionId).ValueGeneratedNever();
        builder.Property(c => c.Materials)
            .HasColumnType("jsonb")
            .HasConversion(
                value => JsonSerializer.Serialize(value, MaterialsJson),
                json => json == "[]" ? Array.Empty<MaterialSummary>() : JsonSerializer.Deserialize<MaterialSummary[]>(json, MaterialsJson) ?? Array.Empty<MaterialSummary>(),
                new ValueComparer<IReadOnlyList<MaterialSummary>>((a, b) => a!.SequenceEqual(b!), m => m.Count, m => m))
            .HasDefaultValueSql("'[]'::jsonb");
        builder.HasIndex(c => c.SessionId, "awaiting_first_copy").HasFilter("awaiting_first_copy").HasDatabaseName("ix_session_copies_awaiting_first_copy");
        builder.HasIndex(c => c.SessionId).HasFilter("seat_marks > seat_marks_copied").HasDatabaseName("ix_session_copies_seats_due");
    }
}
