using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Directory;

public sealed class ClustersModel(LearningNetworkApi api, UiText text, TimeProvider clock) : UiPage(api, text)
{
    /// <summary>A cluster whose funding's last day has passed is marked Ended.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [BindProperty]
    public ClusterForm Form { get; set; } = new();

    public IReadOnlyList<ClusterView> Clusters { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await Api.CreateClusterAsync(new ClusterRequest(
            Form.Name ?? string.Empty, Form.Type, string.IsNullOrWhiteSpace(Form.Domain) ? null : Form.Domain,
            Form.FundingStart, Form.FundingEnd, Form.MemberCompanies, Form.PostFundingPlan));
        if (result.Ok)
        {
            return Done(T.Format("Cluster {0} is added.", result.Result.Name), "/staff/clusters");
        }

        ShowProblem(result.Problem!);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Clusters = (await Api.GetClustersAsync()).Value?.Items ?? [];

    public sealed class ClusterForm
    {
        public string? Name { get; set; }

        public string Type { get; set; } = "InnovativeBusinessNetwork";

        public string? Domain { get; set; }

        public DateOnly? FundingStart { get; set; }

        public DateOnly? FundingEnd { get; set; }

        public int? MemberCompanies { get; set; }

        public string PostFundingPlan { get; set; } = "Undecided";
    }
}
