using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Guidelines;

/// <summary>The guideline library as managers see it (published documents only, the API decides).</summary>
public sealed class GuidelinesModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    public IReadOnlyList<GuidelineView> Guidelines { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        var result = await Api.GetGuidelinesAsync(Search, UiCulture.IsSupported(Language) ? Language : null);
        if (!result.Ok)
        {
            ShowProblem(result.Problem!, string.Empty);
            return;
        }

        Guidelines = result.Result.Items;
        Total = result.Result.Total;
    }
}
