using System.Globalization;
using LearningNetwork.Host.Ui;
using LearningNetwork.Sessions.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff;

/// <summary>The staff start page: the next sessions and the agency's figures as charts, with the numbers behind them.</summary>
public sealed class DashboardModel(LearningNetworkApi api, UiText text, TimeProvider clock) : UiPage(api, text)
{
    /// <summary>How many of the next sessions the page lists; the sessions page has them all.</summary>
    public const int NextSessionsShown = 5;

    /// <summary>
    /// The least value a chart's full width stands for. Bars are scaled against the chart's largest
    /// value, so months and clusters compare with each other; but a period with one enrollment
    /// would then draw it across the whole width, as if the agency were full. Below this floor the
    /// bars stay short and read as few. Capacity is no better yardstick: clusters have none, and
    /// a month's seats say how full its sessions were, not how much the agency reached.
    /// </summary>
    public const int BarScaleFloor = 10;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public Overview? Overview { get; private set; }

    /// <summary>Published sessions that have not started yet, soonest first.</summary>
    public IReadOnlyList<SessionView> NextSessions { get; private set; } = [];

    /// <summary>A bar's width in percent of its chart, against the chart's largest value or the floor.</summary>
    public static string BarWidth(int value, int largest) =>
        (100.0 * value / Math.Max(largest, BarScaleFloor)).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public async Task OnGetAsync()
    {
        var result = await Api.GetOverviewAsync(From, To);
        if (result.Ok)
        {
            Overview = result.Result;
            // The fields show the period the figures cover, also when the API chose it.
            From = Overview.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            To = Overview.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else
        {
            ShowProblem(result.Problem!, string.Empty);
        }

        var now = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var sessions = await Api.GetSessionsAsync(new SessionQuery(From: now, Status: nameof(SessionState.Published), PageSize: NextSessionsShown));
        NextSessions = sessions.Result.Items;
    }
}
