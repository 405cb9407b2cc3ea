using System.Globalization;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Reports.Features.Shared;

/// <summary>
/// The participation report the agency owes for a year: per cluster, what its managers attended
/// of the sessions that started in that year (in each session's own zone). A cluster's funding
/// status is the one on the day each session started, so a cluster whose funding ended in March
/// counts as Funded in February and PostFunding in April. Hours are the sessions' real durations
/// (instants, so a session across a clock change counts its true length), once per session a
/// cluster attended, whoever of its managers came. Every cluster has a row, with zeros when
/// none of its managers attended.
/// </summary>
internal sealed class Participation(IMediator mediator)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static int ParseYear(string? year, DateTimeOffset now) =>
        year is null ? now.Year
        : int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= FirstYear and <= LastYear ? value
        : throw new InvalidFieldException("year", $"Give a year between {FirstYear} and {LastYear}, e.g. 2027.");

    public async Task<ParticipationReport> BuildAsync(int year, CancellationToken cancellationToken)
    {
        // A day of margin on both sides: a session's local year can differ from its UTC year by the zone's offset.
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-1);
        var to = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(1);
        var sessions = (await mediator.Send(new GetSessionsStartingBetween(from, to), cancellationToken))
            .Where(s => s.State == SessionState.Published && s.Session.StartLocal.Year == year)
            .ToDictionary(s => s.Session.SessionId, s => s.Session);
        var facts = sessions.Count == 0 ? [] : await mediator.Send(new GetEnrollmentFacts(sessions.Keys.ToList()), cancellationToken);
        var managers = (await mediator.Send(new GetClusterManagers(facts.Select(f => f.ClusterManagerId).Distinct().ToList()), cancellationToken))
            .ToDictionary(m => m.ClusterManagerId, m => m.ClusterId);
        var clusters = await mediator.Send(new GetAllClusters(), cancellationToken);
        var factsByCluster = facts.Where(f => managers.ContainsKey(f.ClusterManagerId)).ToLookup(f => managers[f.ClusterManagerId]);

        var rows = clusters.Select(c => Row(c, factsByCluster[c.ClusterId].ToList(), sessions)).ToList();
        var reached = rows.Where(r => r.SessionsAttended > 0).ToList();
        return new ParticipationReport(
            year,
            reached.Count,
            new ClustersByType(reached.Count(r => r.ClusterType == "SpearheadCluster"), reached.Count(r => r.ClusterType == "InnovativeBusinessNetwork")),
            reached.Count(r => r.SessionsAttendedPostFunding > 0),
            rows);
    }

    private static ParticipationRow Row(ClusterSummary cluster, List<EnrollmentFact> facts, Dictionary<Guid, SessionSnapshot> sessions)
    {
        var attended = facts.Where(f => f.Attendance == Attendance.Attended).ToList();
        var attendedSessions = attended.Select(f => sessions[f.SessionId]).DistinctBy(s => s.SessionId).ToList();
        var postFunding = attendedSessions.Where(s => cluster.StatusOn(DateOnly.FromDateTime(s.StartLocal)) == FundingStatus.PostFunding).ToList();
        var ratings = facts.Where(f => f.Rating is not null).Select(f => (double)f.Rating!.Value).ToList();
        return new ParticipationRow(
            cluster.ClusterId,
            cluster.Name,
            cluster.Type,
            attendedSessions.Count,
            Hours(attendedSessions),
            postFunding.Count,
            Hours(postFunding),
            attended.Select(f => f.ClusterManagerId).Distinct().Count(),
            facts.Count,
            facts.Count(f => f.Attendance == Attendance.Absent),
            ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2),
            attendedSessions.Count == 0 ? null : DateOnly.FromDateTime(attendedSessions.Max(s => s.StartLocal)));
    }

    private static double Hours(IEnumerable<SessionSnapshot> sessions) => Math.Round(sessions.Sum(s => (s.EndsAt - s.StartsAt).TotalHours), 2);
}

internal sealed record ParticipationReport(
    int Year, int ClustersReached, ClustersByType ClustersReachedByType, int PostFundingClustersReached, IReadOnlyList<ParticipationRow> Rows)
{
    /// <summary>The same figures per cluster type (the workbook's second sheet).</summary>
    public IEnumerable<TypeRow> ByType() => Rows.GroupBy(r => r.ClusterType).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new TypeRow(
        g.Key, g.Count(), g.Count(r => r.SessionsAttended > 0), g.Count(r => r.SessionsAttendedPostFunding > 0),
        Math.Round(g.Sum(r => r.HoursAttended), 2), Math.Round(g.Sum(r => r.HoursAttendedPostFunding), 2),
        g.Sum(r => r.ManagersAttending), g.Sum(r => r.Enrollments), g.Sum(r => r.NoShows)));
}

internal sealed record ClustersByType(int SpearheadCluster, int InnovativeBusinessNetwork);

/// <param name="SessionsAttendedPostFunding">Of <paramref name="SessionsAttended"/>, those after the cluster's funding had ended.</param>
/// <param name="LastAttended">The local date of the last session the cluster attended that year.</param>
internal sealed record ParticipationRow(
    Guid ClusterId, string ClusterName, string ClusterType, int SessionsAttended, double HoursAttended, int SessionsAttendedPostFunding,
    double HoursAttendedPostFunding, int ManagersAttending, int Enrollments, int NoShows, double? AverageFeedback, DateOnly? LastAttended);

internal sealed record TypeRow(
    string ClusterType, int Clusters, int ClustersReached, int PostFundingClustersReached, double HoursAttended, double HoursAttendedPostFunding,
    int ManagersAttending, int Enrollments, int NoShows);
