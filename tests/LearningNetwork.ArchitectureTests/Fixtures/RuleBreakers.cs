using LearningNetwork.Sessions;
using LearningNetwork.Sessions.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.ArchitectureTests.Fixtures;

// Code that breaks the architecture rules on purpose, and code that keeps them, so that each
// rule's check is seen to find a breach and to pass what is allowed. Nothing runs this code.

/// <summary>Calls another module's implementation inside a method body; its signature names only framework types.</summary>
internal static class CallsAnotherModuleInsideAMethod
{
    public static IServiceCollection Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddSessionsModule(configuration);
}

/// <summary>Uses another module only through its Contracts.</summary>
internal static class AsksAnotherModuleThroughItsContracts
{
    public static string Ask() => typeof(SessionPublished).Name;
}

/// <summary>Reads the wall clock: in a method, in an async method (its state machine) and as a date.</summary>
internal static class ReadsTheWallClock
{
    public static DateTime Now() => DateTime.UtcNow;

    public static DateTime Today() => DateTime.Today;

    public static async Task<DateTimeOffset> LaterAsync()
    {
        await Task.Yield();
        return DateTimeOffset.Now;
    }
}

/// <summary>Takes the time from TimeProvider.</summary>
internal static class AsksTheClock
{
    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow();
}

/// <summary>SQL naming tables of other modules' schemas, plain and quoted, next to its own.</summary>
internal static class QueriesAnotherSchema
{
    public const string ByEmail = "SELECT id FROM cluster_managers.managers WHERE email = @e";

    public static string Quoted() => """SELECT count(*) FROM "enrollments"."enrollments" WHERE session_id = $1""";

    public static string Own() => "UPDATE sessions.sessions SET capacity = $1 WHERE id = $2";

    public static string NotSql() => "sessions.Count and funding_calls.Deadline are C# names; /api/sessions/1/enrollments.csv and enrollments.csv are files";
}
