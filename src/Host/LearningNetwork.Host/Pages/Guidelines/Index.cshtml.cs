using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Guidelines;

/// <summary>The guideline library as managers see it (published documents only, the API decides).</summary>
public sealed class GuidelinesModel(Api api, UiText text) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    public IReadOnlyList<GuidelineView> Guidelines { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        var query = UiQuery.Build(("search", Search), ("language", UiCulture.IsSupported(Language) ? Language : null), ("pageSize", "200"));
        var result = await Api.GetAsync<Paged<GuidelineView>>("/api/guidelines" + query);
        if (!result.Ok)
        {
            ShowProblem(result.Problem!, string.Empty);
            return;
        }

        Guidelines = result.Result.Items;
        Total = result.Result.Total;
    }
}
