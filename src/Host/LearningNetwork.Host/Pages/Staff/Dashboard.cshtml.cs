using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff;

/// <summary>The staff start page: the agency's figures as charts, with the numbers behind them.</summary>
public sealed class DashboardModel(Api api, UiText text) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public Overview? Overview { get; private set; }

    public async Task OnGetAsync()
    {
        var result = await Api.GetAsync<Overview>("/api/reports/overview" + UiQuery.Build(("from", From), ("to", To)));
        if (result.Ok)
        {
            Overview = result.Result;
        }
        else
        {
            ShowProblem(result.Problem!, string.Empty);
        }
    }
}
