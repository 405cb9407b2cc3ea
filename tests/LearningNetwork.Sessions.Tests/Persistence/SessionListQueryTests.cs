using System.Diagnostics;
using LearningNetwork.Sessions.Features.ListSessions;
using LearningNetwork.Sessions.Persistence;
using LearningNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LearningNetwork.Sessions.Tests.Persistence;

/// <summary>
/// A page of the session list is one statement: the page, each session's copy and the filter's
/// total (decision 0030). Read from the commands the query sends, not from a stopwatch.
/// </summary>
public sealed class SessionListQueryTests(LearningNetworkApp app, ITestOutputHelper output) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_page_with_its_total_is_one_statement_whatever_the_filter()
    {
        using var staff = await app.StaffClientAsync();
        await staff.PublishedSessionAsync(capacity: 4, daysAhead: 60);
        using var commands = new CommandLog();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var from = DateTimeOffset.UtcNow;

        var unfiltered = await PageAsync(db, staff: true, null, null, null);
        var filtered = await PageAsync(db, staff: false, from, from.AddDays(365), @"%\%%");

        Assert.Equal(2, commands.Texts.Count);
        Assert.All(commands.Texts, sql => Assert.Contains("count(*)", sql, StringComparison.Ordinal));
        Assert.NotEmpty(unfiltered);
        Assert.All(unfiltered, row => Assert.True(row.Total >= 1));
        Assert.Empty(filtered);
        foreach (var sql in commands.Texts)
        {
            output.WriteLine(sql);
        }
    }

    [Fact]
    public async Task The_count_of_a_page_past_the_end_is_one_statement()
    {
        using var commands = new CommandLog();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();

        var count = await SessionListQueries.Count(db, true, null, null, null, null, null, CancellationToken.None);

        Assert.True(count >= 0);
        output.WriteLine(Assert.Single(commands.Texts));
    }

    private static async Task<List<ListedSession>> PageAsync(SessionsDbContext db, bool staff, DateTimeOffset? from, DateTimeOffset? to, string? title)
    {
        var rows = new List<ListedSession>();
        await foreach (var row in SessionListQueries.Page(db, staff, from, to, null, null, title, 0, 50))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// The statements sent to PostgreSQL within this test's own trace, as Npgsql traces them
    /// (process-wide; other test classes run their own hosts meanwhile, in traces of their own).
    /// </summary>
    private sealed class CommandLog : IDisposable
    {
        private readonly Activity _trace = new Activity("session list statements").Start();
        private readonly ActivityListener _listener;

        public CommandLog()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = Record,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public List<string> Texts { get; } = [];

        public void Dispose()
        {
            _listener.Dispose();
            _trace.Stop();
        }

        private void Record(Activity statement)
        {
            if (statement.TraceId == _trace.TraceId)
            {
                lock (Texts)
                {
                    Texts.Add(statement.GetTagItem("db.query.text") as string ?? statement.DisplayName);
                }
            }
        }
    }
}
