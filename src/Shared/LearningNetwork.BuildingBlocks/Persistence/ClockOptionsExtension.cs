using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.BuildingBlocks.Persistence;

/// <summary>
/// The clock a module's context stamps its outbox rows with, carried in the context's options.
/// Module contexts are pooled, and a pooled context may take nothing but its options: this is
/// how the host's TimeProvider (a fake one in tests) still reaches it.
/// </summary>
public sealed class ClockOptionsExtension(TimeProvider clock) : IDbContextOptionsExtension
{
    public TimeProvider Clock { get; } = clock;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
        // Nothing for EF's internal services: only the context itself reads the clock.
    }

    public void Validate(IDbContextOptions options)
    {
    }

    public static TimeProvider Of(DbContextOptions options) =>
        options.FindExtension<ClockOptionsExtension>()?.Clock ?? TimeProvider.System;

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "";

        // The clock changes no EF service, so contexts with different clocks share EF's internal provider.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}
