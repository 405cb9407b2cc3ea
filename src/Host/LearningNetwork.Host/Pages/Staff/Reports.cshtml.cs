using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff;

/// <summary>The yearly participation report the agency accounts with: totals, a chart per cluster type, every cluster, and the exports.</summary>
public sealed class ReportsModel(LearningNetworkApi api, UiText text, TimeProvider clock) : UiPage(api, text)
{
    public static readonly string[] ClusterTypes = ["SpearheadCluster", "InnovativeBusinessNetwork"];

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ParticipationView? Report { get; private set; }

    /// <summary>The years offered: a few back, and next year for what is already planned.</summary>
    public IReadOnlyList<int> Years => Enumerable.Range(clock.GetUtcNow().Year - 4, 6).Reverse().ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        Year ??= clock.GetUtcNow().Year;
        var report = await Api.GetParticipationAsync(Year.Value);
        if (!report.Ok)
        {
            ShowProblem(report.Problem!, prefix: string.Empty);
            return Page();
        }

        Report = report.Result;
        return Page();
    }

    /// <summary>Per cluster type: clusters, of which reached, of which after their funding.</summary>
    public (int Clusters, int Reached, int PostFunding, double Hours) Figures(string type)
    {
        var rows = Report!.Rows.Where(r => r.ClusterType == type).ToList();
        return (rows.Count, rows.Count(r => r.SessionsAttended > 0), rows.Count(r => r.SessionsAttendedPostFunding > 0), rows.Sum(r => r.HoursAttended));
    }
}
