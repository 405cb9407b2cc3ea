using System.Globalization;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Host.Reports;

/// <summary>
/// The staff dashboard's figures (docs/api.md, "Reports"). They span every module, so the host composes
/// them from each module's public questions; no module reads another's tables.
/// </summary>
internal static class Overview
{
    public static void MapReportsEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/overview", async (string? from, string? to, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await BuildAsync(Period.Parse(from, to, clock.GetUtcNow()), mediator, clock.GetUtcNow(), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Reports")
            .WithName("ReportsOverview")
            .WithSummary("Dashboard figures for sessions starting in [from, to]")
            .WithDescription("from/to are dates (yyyy-MM-dd, inclusive); default: the last 12 months and the next 3. The answer's from/to are the period used. Rates count enrollments whose attendance was marked: attendanceRate = attended / marked, noShowRate = absent / marked. Months are the sessions' local months.")
            .Produces<OverviewResponse>()
            .ProducesValidationProblem();

    private static async Task<OverviewResponse> BuildAsync(Period period, IMediator mediator, DateTimeOffset now, CancellationToken ct)
    {
        var sessions = await mediator.Send(new GetSessionsStartingBetween(period.From, period.To), ct);
        var held = sessions.Where(s => s.State == SessionState.Published && s.Session.EndsAt <= now).ToList();
        var open = sessions.Where(s => s.State == SessionState.Published).ToList();
        // Sums from the database, not one row per enrollment: the period may hold tens of thousands.
        var tallies = await mediator.Send(new GetEnrollmentTallies(open.Select(s => s.Session.SessionId).ToList()), ct);
        var managers = (await mediator.Send(new GetClusterManagers(tallies.ByManager.Select(m => m.ClusterManagerId).ToList()), ct))
            .ToDictionary(m => m.ClusterManagerId);
        var directory = await mediator.Send(new GetDirectoryFigures(), ct);
        var emails = await mediator.Send(new GetEmailFigures(period.FirstDay, period.LastDay, [EmailKind.Reminder, EmailKind.FollowUp]), ct);

        var heldIds = held.Select(s => s.Session.SessionId).ToHashSet();
        var heldTallies = tallies.BySession.Where(t => heldIds.Contains(t.SessionId)).ToList();
        var marked = heldTallies.Sum(t => t.Marked);
        var attended = heldTallies.Sum(t => t.Attended);
        var ratings = tallies.BySession.Sum(t => t.Ratings);
        var monthOf = open.ToDictionary(s => s.Session.SessionId, s => s.Session.StartLocal.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var tallyOf = tallies.BySession.ToDictionary(t => t.SessionId);

        return new OverviewResponse(
            period.FirstDay,
            period.LastDay,
            directory.Clusters,
            directory.ActiveClusterManagers,
            held.Count,
            open.Count(s => s.Session.StartsAt > now),
            tallies.BySession.Sum(t => t.Enrollments),
            marked == 0 ? null : Math.Round((double)attended / marked, 3),
            marked == 0 ? null : Math.Round((double)(marked - attended) / marked, 3),
            ratings == 0 ? null : Math.Round((double)tallies.BySession.Sum(t => t.RatingSum) / ratings, 2),
            tallies.ByManager.Where(m => managers.ContainsKey(m.ClusterManagerId))
                .GroupBy(m => (managers[m.ClusterManagerId].ClusterId, managers[m.ClusterManagerId].ClusterName))
                .Select(g => new ClusterRow(g.Key.ClusterId, g.Key.ClusterName, g.Sum(m => m.Enrollments), g.Sum(m => m.Attended)))
                .OrderByDescending(r => r.Enrollments).ThenBy(r => r.Name, StringComparer.CurrentCulture)
                .ToList(),
            open.GroupBy(s => monthOf[s.Session.SessionId]).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new MonthRow(
                    g.Key,
                    g.Count(),
                    g.Sum(s => tallyOf.GetValueOrDefault(s.Session.SessionId)?.Enrollments ?? 0),
                    g.Sum(s => tallyOf.GetValueOrDefault(s.Session.SessionId)?.Attended ?? 0)))
                .ToList(),
            new ReminderRow(emails.Sent, emails.Failed, emails.Pending));
    }

    /// <summary><c>From</c> and <c>To</c> are the period the figures cover, so a client shows the default it did not choose.</summary>
    internal sealed record OverviewResponse(
        DateOnly From, DateOnly To, int Clusters, int ClusterManagers, int SessionsHeld, int UpcomingSessions, int Enrollments, double? AttendanceRate, double? NoShowRate,
        double? AverageFeedback, IReadOnlyList<ClusterRow> ByCluster, IReadOnlyList<MonthRow> ByMonth, ReminderRow Reminders);

    internal sealed record ClusterRow(Guid ClusterId, string Name, int Enrollments, int Attended);

    internal sealed record MonthRow(string Month, int Sessions, int Enrollments, int Attended);

    internal sealed record ReminderRow(int Sent, int Failed, int Pending);

    /// <summary>The report's window: dates, both ends included.</summary>
    private sealed record Period(DateOnly FirstDay, DateOnly LastDay)
    {
        public DateTimeOffset From => new(FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        /// <summary>The end as an instant: the start of the day after the last one.</summary>
        public DateTimeOffset To => new(LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        public static Period Parse(string? from, string? to, DateTimeOffset now)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var start = Date(from, "from") ?? today.AddMonths(-12);
            var end = Date(to, "to") ?? today.AddMonths(3);
            if (end < start)
            {
                throw new InvalidFieldException("to", "The end of the period is before its start.");
            }

            return new Period(start, end);
        }

        private static DateOnly? Date(string? value, string field) =>
            value is null ? null
            : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : throw new InvalidFieldException(field, "Use a date: yyyy-MM-dd.");
    }
}
