using LearningNetwork.Accounts.Domain;
using LearningNetwork.BuildingBlocks.Outbox;
using LearningNetwork.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Persistence;

/// <summary>
/// Identity's tables, the data protection keys (shared by every host, so a cookie or token made by
/// one host is read by the others) and the module's outbox, all in the "accounts" schema.
/// </summary>
internal sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options)
    : IdentityDbContext<UserAccount, IdentityRole<Guid>, Guid>(options), IModuleDbContext, IDataProtectionKeyContext
{
    public const string SchemaName = "accounts";

    private readonly TimeProvider _clock = ClockOptionsExtension.Of(options);

    internal static readonly Guid StaffRoleId = new("0195f1a0-0000-7000-8000-000000000001");
    internal static readonly Guid ClusterManagerRoleId = new("0195f1a0-0000-7000-8000-000000000002");
    internal static readonly Guid AdminRoleId = new("0195f1a0-0000-7000-8000-000000000003");

    public string Schema => SchemaName;

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SignInFailures> SignInFailures => Set<SignInFailures>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        OutboxModel.Configure(builder, SchemaName);
        // Identity names its tables AspNetX explicitly; the schema says what they are instead.
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<UserAccount>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.FullName).HasMaxLength(200);
            user.Property(u => u.PreferredLanguage).HasMaxLength(2);
            user.HasIndex(u => u.ClusterManagerId).IsUnique();
        });
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.Entity<AccountToken>(token =>
        {
            token.ToTable("account_tokens");
            token.HasKey(t => t.Id);
            token.Property(t => t.Id).ValueGeneratedNever();
            token.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => new { t.UserId, t.Purpose });
            token.HasOne<UserAccount>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SignInFailures>(failures =>
        {
            failures.ToTable("sign_in_failures");
            failures.HasKey(f => f.Key);
            failures.Property(f => f.Key).HasMaxLength(64);
            failures.HasIndex(f => f.WindowStartedAt).HasDatabaseName("ix_sign_in_failures_window_started_at");
        });
        builder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_log");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).UseIdentityAlwaysColumn();
            entry.Property(e => e.Action).HasMaxLength(100);
            entry.Property(e => e.EntityType).HasMaxLength(100);
            entry.Property(e => e.Summary).HasMaxLength(500);
            entry.Property(e => e.ClientAddress).HasMaxLength(64);
            entry.HasIndex(e => e.At);
            entry.HasIndex(e => e.ActorId);
            entry.HasIndex(e => e.EntityId);
        });
        builder.Entity<IdentityRole<Guid>>().HasData(
            new IdentityRole<Guid> { Id = StaffRoleId, Name = BuildingBlocks.Security.Roles.Staff, NormalizedName = BuildingBlocks.Security.Roles.Staff.ToUpperInvariant(), ConcurrencyStamp = "staff" },
            new IdentityRole<Guid> { Id = ClusterManagerRoleId, Name = BuildingBlocks.Security.Roles.ClusterManager, NormalizedName = BuildingBlocks.Security.Roles.ClusterManager.ToUpperInvariant(), ConcurrencyStamp = "cluster-manager" },
            new IdentityRole<Guid> { Id = AdminRoleId, Name = BuildingBlocks.Security.Roles.Admin, NormalizedName = BuildingBlocks.Security.Roles.Admin.ToUpperInvariant(), ConcurrencyStamp = "admin" });
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        OutboxModel.CollectEvents(ChangeTracker, OutboxMessages, _clock);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

internal sealed class AccountsDesignTimeFactory : DesignTimeContextFactory<AccountsDbContext>,
    Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<AccountsDbContext>
{
    protected override string Schema => AccountsDbContext.SchemaName;

    protected override AccountsDbContext Create(DbContextOptions<AccountsDbContext> options) => new(options);
}
